/**
 * Mantine's look without Mantine's components, for what a long list draws once per row. A Mantine Badge is two
 * components and a Button five (with its loader transition); fifty rows of them made most of a list's first draw.
 * These helpers return plain elements carrying the same classes and CSS variables the components would set, so a row
 * looks the same and costs a few DOM nodes. They are functions, not components: nothing is added to React's tree.
 */
import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';
import { Anchor, Badge, Button, Loader, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';

type Size = 'xs' | 'sm' | 'md';
type Vars = CSSProperties & Record<`--${string}`, string>;

const BORDER = 'calc(0.0625rem * var(--mantine-scale)) solid transparent';

/** A light badge (Badge variant="light", tt="none"), as Mantine draws it. */
export function lightBadge(color: string, label: ReactNode, { size = 'md', style }: { size?: Size; style?: CSSProperties } = {}) {
  const vars: Vars = {
    '--badge-height': `var(--badge-height-${size})`,
    '--badge-padding-x': `var(--badge-padding-x-${size})`,
    '--badge-fz': `var(--badge-fz-${size})`,
    '--badge-bg': `var(--mantine-color-${color}-light)`,
    '--badge-color': `var(--mantine-color-${color}-light-color)`,
    '--badge-bd': BORDER,
    textTransform: 'none',
    ...style,
  };
  return (
    <div className={`${Badge.classes.root} mantine-Badge-root`} data-variant="light" data-size={size} style={vars}>
      <span className={`${Badge.classes.label} mantine-Badge-label`}>{label}</span>
    </div>
  );
}

export interface LightButtonOptions extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'color' | 'style'> {
  color?: string;
  variant?: 'subtle' | 'light';
  size?: 'xs' | 'sm';
  /** As Button's `loading`: disabled, the label hidden behind a spinner. */
  loading?: boolean;
}

/** A Button (variant subtle or light) as Mantine draws it: same classes, variables, loader and disabled state. */
export function lightButton({ color = 'blue', variant = 'subtle', size = 'xs', loading = false, disabled, children, ...rest }: LightButtonOptions) {
  const vars: Vars = {
    '--button-height': `var(--button-height-${size})`,
    '--button-padding-x': `var(--button-padding-x-${size})`,
    '--button-fz': `var(--mantine-font-size-${size})`,
    '--button-bg': variant === 'light' ? `var(--mantine-color-${color}-light)` : 'transparent',
    '--button-hover': `var(--mantine-color-${color}-light-hover)`,
    '--button-color': `var(--mantine-color-${color}-light-color)`,
    '--button-bd': BORDER,
  };
  const off = Boolean(disabled) || loading;
  return (
    <button
      type="button"
      {...rest}
      className={`mantine-focus-auto${off ? '' : ' mantine-active'} ${Button.classes.root} mantine-Button-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`}
      style={vars}
      data-variant={variant}
      data-size={size}
      data-loading={loading || undefined}
      data-disabled={(disabled && !loading) || undefined}
      disabled={off}
    >
      {loading && (
        <span className={`${Button.classes.loader} mantine-Button-loader`} aria-hidden="true" style={{ transform: 'translate(-50%, calc(-50% + calc(0.0625rem * var(--mantine-scale))))' }}>
          <span
            className={`${Loader.classes.ovalLoader} ${Loader.classes.root} mantine-Loader-root`}
            style={{ '--loader-size': 'calc(var(--button-height) / 1.8)', '--loader-color': 'var(--button-color)' } as Vars}
          />
        </span>
      )}
      <span className={`${Button.classes.inner} mantine-Button-inner`}>
        <span className={`${Button.classes.label} mantine-Button-label`} data-loading={loading || undefined}>
          {children}
        </span>
      </span>
    </button>
  );
}

/** A Skeleton line (animated placeholder) of `height` px. */
export function lightSkeleton(height: number, label: string) {
  const vars: Vars = { '--skeleton-height': `calc(${height / 16}rem * var(--mantine-scale))`, '--skeleton-radius': 'var(--mantine-radius-sm)' };
  return <div className={`${Skeleton.classes.root} mantine-Skeleton-root`} data-visible="true" data-animate="true" aria-label={label} style={vars} />;
}

/** The props that give a link Anchor's look (size sm, underline on hover); `style` is added to its own. */
export function lightAnchorProps(style: CSSProperties = {}) {
  const vars: Vars = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)', ...style };
  return {
    className: `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root`,
    'data-size': 'sm',
    'data-underline': 'hover',
    style: vars,
  } as const;
}

/** The classes of a Table's row, header cell and cell (rows drawn as plain elements inside a Mantine Table). */
export const tableLook = {
  tr: `${Table.classes.tr} mantine-Table-tr`,
  th: `${Table.classes.th} mantine-Table-th`,
  td: `${Table.classes.td} mantine-Table-td`,
};
