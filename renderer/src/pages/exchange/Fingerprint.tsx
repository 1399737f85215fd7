/** A key's fingerprint as its groups of digits, large and spaced, to read aloud over the phone or print. */
import { Group, Text } from '@mantine/core';

export function Fingerprint({ value, size = 'lg', label }: { value: string; size?: 'sm' | 'lg' | 'xl'; label?: string }) {
  const groups = value.split(/\s+/u).filter(Boolean);
  return (
    <Group gap={size === 'sm' ? 6 : 'md'} wrap="wrap" role="group" aria-label={label} data-testid="fingerprint">
      {groups.map((g, i) => (
        <Text key={i} component="span" ff="monospace" fw={600} size={size} style={{ letterSpacing: '0.08em' }}>
          {g}
        </Text>
      ))}
    </Group>
  );
}
