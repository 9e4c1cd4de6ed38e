/**
 * The Block Kit limits Slack enforces on views and messages, as pure validators.
 * Sources: /work/shared/design/slack-platform.md and the JSDoc of @slack/types.
 * Each function returns a list of errors; each error starts with the path of the offending field,
 * e.g. `blocks[3].element.options: 101 options (max 100)`. An empty list means Slack would accept it.
 */

export type Surface = "modal" | "home" | "message";

type JsonObject = Record<string, unknown>;

/** What one validation pass has seen so far: ids must be unique across the whole view or message. */
interface Check {
  errors: string[];
  blockIds: Set<string>;
  actionIds: Set<string>;
  markdownChars: number;
}

type Rule = (check: Check, node: JsonObject, path: string) => void;

const MAX_BLOCKS: Record<Surface, number> = { modal: 100, home: 100, message: 50 };
const MAX_MARKDOWN_CHARS_PER_MESSAGE = 12_000;
const MAX_MESSAGE_TEXT = 40_000;
const MAX_VIEW_BYTES = 250_000;
const MAX_ID = 255;

const SELECTS = [
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
];
const PICKERS = ["datepicker", "timepicker", "datetimepicker"];
const CHOICES = ["checkboxes", "radio_buttons"];
const ELEMENTS_ALLOWED_IN = {
  actions: new Set([
    "button",
    "overflow",
    "workflow_button",
    "rich_text_input",
    ...CHOICES,
    ...SELECTS,
    ...PICKERS,
  ]),
  input: new Set([
    "plain_text_input",
    "number_input",
    "email_text_input",
    "url_text_input",
    "rich_text_input",
    "file_input",
    ...CHOICES,
    ...SELECTS,
    ...PICKERS,
  ]),
  accessory: new Set([
    "button",
    "image",
    "overflow",
    "workflow_button",
    "datepicker",
    "timepicker",
    ...CHOICES,
    ...SELECTS,
  ]),
};
const CONTAINER_NAMES = {
  actions: "an actions block",
  input: "an input block",
  accessory: "a section accessory",
};
const RICH_TEXT_ELEMENTS = [
  "rich_text_section",
  "rich_text_list",
  "rich_text_quote",
  "rich_text_preformatted",
];

const newCheck = (): Check => ({ errors: [], blockIds: new Set(), actionIds: new Set(), markdownChars: 0 });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(check: Check, path: string, message: string): void {
  check.errors.push(`${path}: ${message}`);
}

function optionalString(check: Check, path: string, value: unknown, max: number): void {
  if (value === undefined) return;
  if (typeof value !== "string") {
    fail(check, path, "must be a string");
    return;
  }
  if (value.length > max) fail(check, path, `${value.length} characters (max ${max})`);
}

function requiredString(check: Check, path: string, value: unknown, max: number): void {
  if (typeof value !== "string" || value.length === 0) {
    fail(check, path, "must be a non-empty string");
    return;
  }
  optionalString(check, path, value, max);
}

function uniqueId(check: Check, path: string, value: unknown, seen: Set<string>): void {
  optionalString(check, path, value, MAX_ID);
  if (typeof value !== "string") return;
  if (seen.has(value)) fail(check, path, `duplicate id "${value}"`);
  seen.add(value);
}

function integerBetween(check: Check, path: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    fail(check, path, `must be an integer from ${min} to ${max}`);
  }
}

interface TextLimits {
  max: number;
  plainOnly?: boolean;
}

function text(check: Check, path: string, value: unknown, { max, plainOnly = false }: TextLimits): void {
  if (!isObject(value)) {
    fail(check, path, "must be a text object");
    return;
  }
  const types = plainOnly ? ["plain_text"] : ["plain_text", "mrkdwn"];
  if (!types.includes(value.type as string)) fail(check, `${path}.type`, `must be ${types.join(" or ")}`);
  requiredString(check, `${path}.text`, value.text, max);
}

function optionalText(check: Check, path: string, value: unknown, limits: TextLimits): void {
  if (value !== undefined) text(check, path, value, limits);
}

interface CountLimits {
  min: number;
  max: number;
  noun: string;
}

function list(check: Check, path: string, value: unknown, { min, max, noun }: CountLimits): unknown[] {
  if (!Array.isArray(value)) {
    fail(check, path, "must be an array");
    return [];
  }
  if (value.length < min) fail(check, path, `${value.length} ${noun} (min ${min})`);
  if (value.length > max) fail(check, path, `${value.length} ${noun} (max ${max})`);
  return value;
}

// ---------------------------------------------------------------- options

function options(
  check: Check,
  path: string,
  value: unknown,
  limits: { min: number; max: number; mrkdwn: boolean },
  seenValues: Set<string>,
): JsonObject[] {
  const found = list(check, path, value, { ...limits, noun: "options" });
  found.forEach((option, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(option)) {
      fail(check, at, "must be an option object");
      return;
    }
    text(check, `${at}.text`, option.text, { max: 75, plainOnly: !limits.mrkdwn });
    requiredString(check, `${at}.value`, option.value, 75);
    if (typeof option.value === "string" && seenValues.has(option.value)) {
      fail(check, `${at}.value`, `duplicate option value "${option.value}"`);
    }
    if (typeof option.value === "string") seenValues.add(option.value);
    optionalText(check, `${at}.description`, option.description, { max: 75, plainOnly: !limits.mrkdwn });
    optionalString(check, `${at}.url`, option.url, 3000);
  });
  return found.filter(isObject);
}

const sameOption = (a: JsonObject, b: unknown): boolean =>
  isObject(b) && a.value === b.value && isObject(a.text) && isObject(b.text) && a.text.text === b.text.text;

function initialChoicesAmong(check: Check, element: JsonObject, path: string, available: JsonObject[]): void {
  const chosen: [string, unknown][] = [];
  if (element.initial_option !== undefined) chosen.push(["initial_option", element.initial_option]);
  if (Array.isArray(element.initial_options)) {
    element.initial_options.forEach((option, i) => {
      chosen.push([`initial_options[${i}]`, option]);
    });
  }
  for (const [field, option] of chosen) {
    if (!available.some((candidate) => sameOption(candidate, option))) {
      fail(check, `${path}.${field}`, "is not one of the options");
    }
  }
}

function choiceList(limits: { min: number; max: number; mrkdwn: boolean }): Rule {
  return (check, element, path) => {
    const available = options(check, `${path}.options`, element.options, limits, new Set());
    initialChoicesAmong(check, element, path, available);
  };
}

const staticSelect: Rule = (check, element, path) => {
  const seenValues = new Set<string>();
  const limits = { min: 1, max: 100, mrkdwn: false };
  if (element.options !== undefined && element.option_groups !== undefined) {
    fail(check, path, "has both options and option_groups");
  }
  if (element.option_groups === undefined) {
    const available = options(check, `${path}.options`, element.options, limits, seenValues);
    return initialChoicesAmong(check, element, path, available);
  }
  const groups = list(check, `${path}.option_groups`, element.option_groups, {
    ...limits,
    noun: "option groups",
  });
  const available = groups.flatMap((group, i) => {
    const at = `${path}.option_groups[${i}]`;
    if (!isObject(group)) {
      fail(check, at, "must be an option group");
      return [];
    }
    text(check, `${at}.label`, group.label, { max: 75, plainOnly: true });
    return options(check, `${at}.options`, group.options, limits, seenValues);
  });
  initialChoicesAmong(check, element, path, available);
};

// ---------------------------------------------------------------- elements

const imageSource: Rule = (check, node, path) => {
  if (node.image_url === undefined && node.slack_file === undefined) {
    fail(check, path, "needs image_url or slack_file");
  }
  optionalString(check, `${path}.image_url`, node.image_url, 3000);
};

const imageElement: Rule = (check, element, path) => {
  imageSource(check, element, path);
  requiredString(check, `${path}.alt_text`, element.alt_text, 2000);
};

const noExtraLimits: Rule = () => {};

const ELEMENT_RULES: Record<string, Rule> = {
  button(check, element, path) {
    text(check, `${path}.text`, element.text, { max: 75, plainOnly: true });
    optionalString(check, `${path}.value`, element.value, 2000);
    optionalString(check, `${path}.url`, element.url, 3000);
    optionalString(check, `${path}.accessibility_label`, element.accessibility_label, 75);
  },
  workflow_button(check, element, path) {
    text(check, `${path}.text`, element.text, { max: 75, plainOnly: true });
  },
  image: imageElement,
  checkboxes: choiceList({ min: 1, max: 10, mrkdwn: true }),
  radio_buttons: choiceList({ min: 1, max: 10, mrkdwn: true }),
  overflow: choiceList({ min: 1, max: 5, mrkdwn: false }),
  static_select: staticSelect,
  multi_static_select: staticSelect,
  plain_text_input(check, element, path) {
    integerBetween(check, `${path}.max_length`, element.max_length, 1, 3000);
    integerBetween(check, `${path}.min_length`, element.min_length, 0, 3000);
    const { min_length: min, max_length: max } = element;
    if (typeof min === "number" && typeof max === "number" && min > max) {
      fail(check, `${path}.min_length`, "is greater than max_length");
    }
    // https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element: `max_length` is
    // "between 1 and 3000, inclusive" and a person who provides more "will receive an error"; `initial_value`
    // has no limit of its own there. A box pre-filled with more than it holds could not be submitted as
    // shown, so a longer `initial_value` (than `max_length`, or 3,000 without one) is refused as an error of
    // the call, to be at least as strict as Slack. Not verified against Slack itself.
    const holds = typeof max === "number" ? Math.min(max, 3000) : 3000;
    optionalString(check, `${path}.initial_value`, element.initial_value, holds);
  },
  timepicker(check, element, path) {
    // https://docs.slack.dev/reference/block-kit/block-elements/time-picker-element: `initial_time` "should
    // be in the format HH:mm, where HH is the 24-hour format of an hour (00 to 23) and mm is minutes with
    // leading zeros (00 to 59)". What Slack answers to another shape is not documented; it is refused here
    // as an error of the call, to be at least as strict. Not verified against Slack itself.
    if (element.initial_time === undefined) return;
    if (typeof element.initial_time !== "string" || !/^([01]\d|2[0-3]):[0-5]\d$/.test(element.initial_time)) {
      fail(check, `${path}.initial_time`, "must be HH:mm (00:00 to 23:59)");
    }
  },
  ...Object.fromEntries(
    [
      ...SELECTS.filter((type) => !type.endsWith("static_select")),
      ...PICKERS.filter((type) => type !== "timepicker"),
      "number_input",
      "email_text_input",
      "url_text_input",
      "rich_text_input",
      "file_input",
    ].map((type) => [type, noExtraLimits]),
  ),
};

function element(
  check: Check,
  path: string,
  value: unknown,
  container: keyof typeof ELEMENTS_ALLOWED_IN,
): void {
  if (!isObject(value)) {
    fail(check, path, "must be an element object");
    return;
  }
  const type = String(value.type);
  const rule = ELEMENT_RULES[type];
  if (!rule) {
    fail(check, `${path}.type`, `unknown element type "${type}"`);
    return;
  }
  if (!ELEMENTS_ALLOWED_IN[container].has(type)) {
    fail(check, `${path}.type`, `${type} is not allowed in ${CONTAINER_NAMES[container]}`);
    return;
  }
  if (type !== "image") uniqueId(check, `${path}.action_id`, value.action_id, check.actionIds);
  optionalText(check, `${path}.placeholder`, value.placeholder, { max: 150, plainOnly: true });
  if (value.confirm !== undefined) confirmationDialog(check, `${path}.confirm`, value.confirm);
  rule(check, value, path);
}

/**
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object: `title` (at most
 * 100 characters), `text` (300), `confirm` and `deny` (30 each) are plain_text objects, all required;
 * `style` is "primary" or "danger".
 */
function confirmationDialog(check: Check, path: string, value: unknown): void {
  if (!isObject(value)) {
    fail(check, path, "must be a confirmation dialog object");
    return;
  }
  text(check, `${path}.title`, value.title, { max: 100, plainOnly: true });
  text(check, `${path}.text`, value.text, { max: 300, plainOnly: true });
  text(check, `${path}.confirm`, value.confirm, { max: 30, plainOnly: true });
  text(check, `${path}.deny`, value.deny, { max: 30, plainOnly: true });
  if (value.style !== undefined && value.style !== "primary" && value.style !== "danger") {
    fail(check, `${path}.style`, 'must be "primary" or "danger"');
  }
}

// ---------------------------------------------------------------- blocks

const BLOCK_RULES: Record<string, Rule> = {
  section(check, block, path) {
    if (block.text === undefined && block.fields === undefined) fail(check, path, "needs text or fields");
    optionalText(check, `${path}.text`, block.text, { max: 3000 });
    if (block.fields !== undefined) {
      list(check, `${path}.fields`, block.fields, { min: 1, max: 10, noun: "fields" }).forEach((field, i) => {
        text(check, `${path}.fields[${i}]`, field, { max: 2000 });
      });
    }
    if (block.accessory !== undefined) element(check, `${path}.accessory`, block.accessory, "accessory");
  },
  header(check, block, path) {
    text(check, `${path}.text`, block.text, { max: 150, plainOnly: true });
  },
  divider: noExtraLimits,
  context(check, block, path) {
    list(check, `${path}.elements`, block.elements, { min: 1, max: 10, noun: "elements" }).forEach(
      (item, i) => {
        const at = `${path}.elements[${i}]`;
        if (isObject(item) && item.type === "image") imageElement(check, item, at);
        else text(check, at, item, { max: 3000 });
      },
    );
  },
  actions(check, block, path) {
    list(check, `${path}.elements`, block.elements, { min: 1, max: 25, noun: "elements" }).forEach(
      (item, i) => {
        element(check, `${path}.elements[${i}]`, item, "actions");
      },
    );
  },
  input(check, block, path) {
    text(check, `${path}.label`, block.label, { max: 2000, plainOnly: true });
    optionalText(check, `${path}.hint`, block.hint, { max: 2000, plainOnly: true });
    if (block.element === undefined) {
      fail(check, `${path}.element`, "is required");
      return;
    }
    element(check, `${path}.element`, block.element, "input");
  },
  markdown(check, block, path) {
    requiredString(check, `${path}.text`, block.text, MAX_MARKDOWN_CHARS_PER_MESSAGE);
    if (typeof block.text === "string") check.markdownChars += block.text.length;
  },
  rich_text(check, block, path) {
    const items = list(check, `${path}.elements`, block.elements, {
      min: 1,
      max: Infinity,
      noun: "elements",
    });
    items.forEach((item, i) => {
      if (!isObject(item) || !RICH_TEXT_ELEMENTS.includes(item.type as string)) {
        fail(check, `${path}.elements[${i}].type`, `must be one of ${RICH_TEXT_ELEMENTS.join(", ")}`);
      }
    });
  },
  image(check, block, path) {
    imageElement(check, block, path);
    optionalText(check, `${path}.title`, block.title, { max: 2000, plainOnly: true });
  },
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string in a payload must be well-formed Unicode: text cut in the middle of a surrogate pair (half
 * an emoji) arrives as a `\ud83d` escape that is not a character. Slack's documentation does not say what
 * it answers to one; its servers refuse malformed UTF-16 text, and we treat it as an error of the call
 * (views: `invalid_arguments`, messages: `invalid_blocks`) to be at least as strict. Not verified
 * against Slack itself.
 */
export function loneSurrogateErrors(value: unknown, path: string): string[] {
  if (typeof value === "string") {
    return LONE_SURROGATE.test(value)
      ? [`${path}: holds a lone surrogate (half of an emoji or other character)`]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => loneSurrogateErrors(item, `${path}[${i}]`));
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      loneSurrogateErrors(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** Checks a list of blocks for the given surface (block count, every block and element, unique ids). */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  const check = newCheck();
  const max = MAX_BLOCKS[surface];
  list(check, "blocks", blocks, { min: 0, max, noun: "blocks" }).forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isObject(block)) {
      fail(check, path, "must be a block object");
      return;
    }
    const rule = BLOCK_RULES[String(block.type)];
    if (!rule) {
      fail(check, `${path}.type`, `unknown block type "${String(block.type)}"`);
      return;
    }
    uniqueId(check, `${path}.block_id`, block.block_id, check.blockIds);
    rule(check, block, path);
  });
  if (check.markdownChars > MAX_MARKDOWN_CHARS_PER_MESSAGE) {
    fail(
      check,
      "blocks",
      `markdown blocks hold ${check.markdownChars} characters (max ${MAX_MARKDOWN_CHARS_PER_MESSAGE})`,
    );
  }
  return check.errors;
}

/** Checks a modal or Home tab view as views.open/push/update/publish receive it. */
export function validateView(view: unknown): string[] {
  const check = newCheck();
  if (!isObject(view)) return ["view: must be an object"];
  if (view.type !== "modal" && view.type !== "home") {
    return [`type: must be "modal" or "home", got ${JSON.stringify(view.type)}`];
  }
  if (view.type === "modal") {
    text(check, "title", view.title, { max: 24, plainOnly: true });
    optionalText(check, "submit", view.submit, { max: 24, plainOnly: true });
    optionalText(check, "close", view.close, { max: 24, plainOnly: true });
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((block) => isObject(block) && block.type === "input");
    if (hasInput && view.submit === undefined)
      fail(check, "submit", "is required when the view has an input block");
  }
  optionalString(check, "private_metadata", view.private_metadata, 3000);
  optionalString(check, "callback_id", view.callback_id, MAX_ID);
  optionalString(check, "external_id", view.external_id, MAX_ID);
  const bytes = Buffer.byteLength(JSON.stringify(view));
  if (bytes > MAX_VIEW_BYTES) fail(check, "view", `${bytes} bytes (max ${MAX_VIEW_BYTES})`);
  return [...check.errors, ...validateBlocks(view.blocks, view.type), ...loneSurrogateErrors(view, "")];
}

/** Checks a message as chat.postMessage/postEphemeral/update or a response_url receive it. */
export function validateMessage(message: { text?: unknown; blocks?: unknown }): string[] {
  const check = newCheck();
  const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  if (typeof message.text !== "string" || message.text.length === 0) {
    fail(check, "text", hasBlocks ? "a text fallback is required with blocks" : "is required");
  } else {
    optionalString(check, "text", message.text, MAX_MESSAGE_TEXT);
  }
  const blockErrors = message.blocks === undefined ? [] : validateBlocks(message.blocks, "message");
  return [...check.errors, ...blockErrors, ...loneSurrogateErrors(message, "")];
}
