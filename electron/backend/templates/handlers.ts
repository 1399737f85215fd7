import type { TemplatesChannels } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export const templatesHandlers = ({ templates, plans, settings, ctx }: Services): Handlers<TemplatesChannels> => ({
  'template.list': () => templates.list(),
  'template.instantiate': ({ templateId }) => plans.create(templates.contentFor(templateId, settings.getSelf(), ctx.newId)),
});
