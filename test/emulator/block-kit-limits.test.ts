import { describe, expect, it } from "vitest";
import { validateBlocks, validateMessage, validateView } from "../../emulator/block-kit-limits.js";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const chars = (n: number) => "x".repeat(n);
const option = (value: string, text = value) => ({ text: plain(text), value });
const optionsList = (n: number) => Array.from({ length: n }, (_, i) => option(`v${i}`));
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });
const button = (action_id: string, extra: object = {}) => ({
  type: "button",
  action_id,
  text: plain("Go"),
  ...extra,
});
const actions = (...elements: object[]) => ({ type: "actions", elements });
const input = (element: object, extra: object = {}) => ({
  type: "input",
  label: plain("Systems"),
  element,
  ...extra,
});
const textInput = (extra: object = {}) => ({ type: "plain_text_input", action_id: "answer", ...extra });
const select = (extra: object) => ({ type: "static_select", action_id: "pick", ...extra });
const modal = (extra: object = {}) => ({
  type: "modal",
  title: plain("New project"),
  submit: plain("Next"),
  blocks: [],
  ...extra,
});

type Example = [name: string, blocks: unknown[]];
type BrokenExample = [name: string, blocks: unknown[], error: string];

describe("validateBlocks accepts blocks at their limits", () => {
  const valid: Example[] = [
    ["no blocks", []],
    ["section text of 3000 characters", [section(chars(3000))]],
    [
      "section with 10 fields of 2000 characters",
      [{ type: "section", fields: Array(10).fill(mrkdwn(chars(2000))) }],
    ],
    ["section with a button accessory", [{ ...section("Go?"), accessory: button("go") }]],
    [
      "button with a confirmation dialog at its limits",
      [
        actions({
          ...button("b"),
          confirm: {
            title: plain(chars(100)),
            text: plain(chars(300)),
            confirm: plain(chars(30)),
            deny: plain(chars(30)),
            style: "danger",
          },
        }),
      ],
    ],
    ["header of 150 characters", [{ type: "header", text: plain(chars(150)) }]],
    ["divider", [{ type: "divider" }]],
    ["context of 10 elements", [{ type: "context", elements: Array(10).fill(mrkdwn("note")) }]],
    [
      "context with an image",
      [{ type: "context", elements: [{ type: "image", image_url: "https://x/y.png", alt_text: "y" }] }],
    ],
    ["actions of 25 buttons", [actions(...Array.from({ length: 25 }, (_, i) => button(`b${i}`)))]],
    [
      "button with value of 2000 and url of 3000",
      [actions(button("b", { value: chars(2000), url: chars(3000) }))],
    ],
    [
      "input with long label, hint and placeholder",
      [
        input(textInput({ placeholder: plain(chars(150)) }), {
          label: plain(chars(2000)),
          hint: plain(chars(2000)),
        }),
      ],
    ],
    [
      "plain_text_input with min and max length 3000",
      [input(textInput({ min_length: 3000, max_length: 3000 }))],
    ],
    [
      "plain_text_input pre-filled with 3000 characters",
      [input(textInput({ multiline: true, initial_value: chars(3000) }))],
    ],
    [
      "static_select with 100 options and a matching initial option",
      [input(select({ options: optionsList(100), initial_option: option("v7") }))],
    ],
    [
      "static_select with option groups",
      [input(select({ option_groups: [{ label: plain("A"), options: optionsList(100) }] }))],
    ],
    ["option text and value of 75 characters", [input(select({ options: [option(chars(75), chars(75))] }))]],
    [
      "checkboxes with 10 options and initial options",
      [
        input({
          type: "checkboxes",
          action_id: "c",
          options: optionsList(10),
          initial_options: [option("v1")],
        }),
      ],
    ],
    [
      "radio_buttons with mrkdwn options",
      [input({ type: "radio_buttons", action_id: "r", options: [{ text: mrkdwn("*A*"), value: "a" }] })],
    ],
    ["overflow with 5 options", [actions({ type: "overflow", action_id: "o", options: optionsList(5) })]],
    [
      "markdown blocks of 12000 characters in total",
      [
        { type: "markdown", text: chars(6000) },
        { type: "markdown", text: chars(6000) },
      ],
    ],
    [
      "rich_text with a section",
      [{ type: "rich_text", elements: [{ type: "rich_text_section", elements: [] }] }],
    ],
    [
      "image block",
      [{ type: "image", image_url: "https://x/y.png", alt_text: "diagram", title: plain("Flow") }],
    ],
    ["block_id and action_id of 255 characters", [{ ...actions(button(chars(255))), block_id: chars(255) }]],
    [
      "users_select and datepicker inputs",
      [input({ type: "users_select", action_id: "u" }), input({ type: "datepicker", action_id: "d" })],
    ],
  ];
  it.each(valid)("%s", (_name, blocks) => {
    expect(validateBlocks(blocks, "modal")).toEqual([]);
  });
});

describe("validateBlocks rejects every broken limit and names the path", () => {
  const broken: BrokenExample[] = [
    ["more than 100 blocks in a modal", Array(101).fill({ type: "divider" }), "blocks: 101 blocks (max 100)"],
    ["an unknown block type", [{ type: "video_call" }], 'blocks[0].type: unknown block type "video_call"'],
    [
      "a block_id over 255",
      [{ type: "divider", block_id: chars(256) }],
      "blocks[0].block_id: 256 characters (max 255)",
    ],
    [
      "a repeated block_id",
      [
        { type: "divider", block_id: "a" },
        { type: "divider", block_id: "a" },
      ],
      'blocks[1].block_id: duplicate id "a"',
    ],
    ["section text over 3000", [section(chars(3001))], "blocks[0].text.text: 3001 characters (max 3000)"],
    ["empty section text", [section("")], "blocks[0].text.text: must be a non-empty string"],
    ["a section with neither text nor fields", [{ type: "section" }], "blocks[0]: needs text or fields"],
    [
      "more than 10 fields",
      [{ type: "section", fields: Array(11).fill(mrkdwn("f")) }],
      "blocks[0].fields: 11 fields (max 10)",
    ],
    [
      "a field over 2000",
      [{ type: "section", fields: [mrkdwn(chars(2001))] }],
      "blocks[0].fields[0].text: 2001 characters (max 2000)",
    ],
    [
      "header over 150",
      [{ type: "header", text: plain(chars(151)) }],
      "blocks[0].text.text: 151 characters (max 150)",
    ],
    ["a mrkdwn header", [{ type: "header", text: mrkdwn("Hi") }], "blocks[0].text.type: must be plain_text"],
    [
      "a text object of an unknown type",
      [{ type: "section", text: { type: "html", text: "x" } }],
      "blocks[0].text.type: must be plain_text or mrkdwn",
    ],
    ["a bare string as text", [{ type: "section", text: "hello" }], "blocks[0].text: must be a text object"],
    [
      "context over 10 elements",
      [{ type: "context", elements: Array(11).fill(mrkdwn("n")) }],
      "blocks[0].elements: 11 elements (max 10)",
    ],
    [
      "actions over 25 elements",
      [actions(...Array.from({ length: 26 }, (_, i) => button(`b${i}`)))],
      "blocks[0].elements: 26 elements (max 25)",
    ],
    ["empty actions", [actions()], "blocks[0].elements: 0 elements (min 1)"],
    [
      "an unknown element type",
      [actions({ type: "slider", action_id: "s" })],
      'blocks[0].elements[0].type: unknown element type "slider"',
    ],
    [
      "a confirmation dialog with a title over 100",
      [
        actions({
          ...button("b"),
          confirm: {
            title: plain(chars(101)),
            text: plain("Sure?"),
            confirm: plain("Yes"),
            deny: plain("No"),
          },
        }),
      ],
      "blocks[0].elements[0].confirm.title.text: 101 characters (max 100)",
    ],
    [
      "a confirmation dialog without its deny button text",
      [
        actions({
          ...button("b"),
          confirm: { title: plain("T"), text: plain("Sure?"), confirm: plain("Yes") },
        }),
      ],
      "blocks[0].elements[0].confirm.deny: must be a text object",
    ],
    [
      "a text input pre-filled with more than a box holds (3000)",
      [input(textInput({ initial_value: chars(3001) }))],
      "blocks[0].element.initial_value: 3001 characters (max 3000)",
    ],
    [
      "a text input pre-filled with more than its max_length",
      [input(textInput({ max_length: 10, initial_value: chars(11) }))],
      "blocks[0].element.initial_value: 11 characters (max 10)",
    ],
    [
      "a text input in an actions block",
      [actions(textInput())],
      "blocks[0].elements[0].type: plain_text_input is not allowed in an actions block",
    ],
    [
      "a button in an input block",
      [input(button("b"))],
      "blocks[0].element.type: button is not allowed in an input block",
    ],
    [
      "an action_id over 255",
      [actions(button(chars(256)))],
      "blocks[0].elements[0].action_id: 256 characters (max 255)",
    ],
    [
      "a repeated action_id across blocks",
      [actions(button("go")), actions(button("go"))],
      'blocks[1].elements[0].action_id: duplicate id "go"',
    ],
    [
      "button text over 75",
      [actions({ ...button("b"), text: plain(chars(76)) })],
      "blocks[0].elements[0].text.text: 76 characters (max 75)",
    ],
    [
      "button value over 2000",
      [actions(button("b", { value: chars(2001) }))],
      "blocks[0].elements[0].value: 2001 characters (max 2000)",
    ],
    [
      "button url over 3000",
      [actions(button("b", { url: chars(3001) }))],
      "blocks[0].elements[0].url: 3001 characters (max 3000)",
    ],
    [
      "input label over 2000",
      [input(textInput(), { label: plain(chars(2001)) })],
      "blocks[0].label.text: 2001 characters (max 2000)",
    ],
    [
      "input hint over 2000",
      [input(textInput(), { hint: plain(chars(2001)) })],
      "blocks[0].hint.text: 2001 characters (max 2000)",
    ],
    [
      "placeholder over 150",
      [input(textInput({ placeholder: plain(chars(151)) }))],
      "blocks[0].element.placeholder.text: 151 characters (max 150)",
    ],
    [
      "max_length over 3000",
      [input(textInput({ max_length: 3001 }))],
      "blocks[0].element.max_length: must be an integer from 1 to 3000",
    ],
    [
      "min_length over 3000",
      [input(textInput({ min_length: 3001 }))],
      "blocks[0].element.min_length: must be an integer from 0 to 3000",
    ],
    [
      "min_length above max_length",
      [input(textInput({ min_length: 20, max_length: 10 }))],
      "blocks[0].element.min_length: is greater than max_length",
    ],
    ["an input without element", [{ type: "input", label: plain("Name") }], "blocks[0].element: is required"],
    [
      "static_select over 100 options",
      [input(select({ options: optionsList(101) }))],
      "blocks[0].element.options: 101 options (max 100)",
    ],
    [
      "an option group over 100 options",
      [input(select({ option_groups: [{ label: plain("A"), options: optionsList(101) }] }))],
      "blocks[0].element.option_groups[0].options: 101 options (max 100)",
    ],
    [
      "option text over 75",
      [input(select({ options: [option("a", chars(76))] }))],
      "blocks[0].element.options[0].text.text: 76 characters (max 75)",
    ],
    [
      "option value over 75",
      [input(select({ options: [option(chars(76), "A")] }))],
      "blocks[0].element.options[0].value: 76 characters (max 75)",
    ],
    [
      "a repeated option value",
      [input(select({ options: [option("a"), option("a", "A again")] }))],
      'blocks[0].element.options[1].value: duplicate option value "a"',
    ],
    [
      "a mrkdwn option in a select",
      [input(select({ options: [{ text: mrkdwn("*a*"), value: "a" }] }))],
      "blocks[0].element.options[0].text.type: must be plain_text",
    ],
    [
      "an initial_option not among the options",
      [input(select({ options: optionsList(2), initial_option: option("zz") }))],
      "blocks[0].element.initial_option: is not one of the options",
    ],
    [
      "checkboxes over 10 options",
      [input({ type: "checkboxes", action_id: "c", options: optionsList(11) })],
      "blocks[0].element.options: 11 options (max 10)",
    ],
    [
      "radio_buttons over 10 options",
      [input({ type: "radio_buttons", action_id: "r", options: optionsList(11) })],
      "blocks[0].element.options: 11 options (max 10)",
    ],
    [
      "initial_options not among checkboxes",
      [
        input({
          type: "checkboxes",
          action_id: "c",
          options: optionsList(2),
          initial_options: [option("v1", "other")],
        }),
      ],
      "blocks[0].element.initial_options[0]: is not one of the options",
    ],
    [
      "overflow over 5 options",
      [actions({ type: "overflow", action_id: "o", options: optionsList(6) })],
      "blocks[0].elements[0].options: 6 options (max 5)",
    ],
    [
      "overflow without options",
      [actions({ type: "overflow", action_id: "o", options: [] })],
      "blocks[0].elements[0].options: 0 options (min 1)",
    ],
    [
      "markdown blocks over 12000 in total",
      [
        { type: "markdown", text: chars(6000) },
        { type: "markdown", text: chars(6001) },
      ],
      "blocks: markdown blocks hold 12001 characters (max 12000)",
    ],
    [
      "rich_text with an unknown element",
      [{ type: "rich_text", elements: [{ type: "paragraph" }] }],
      "blocks[0].elements[0].type: must be one of rich_text_section, rich_text_list, rich_text_quote, rich_text_preformatted",
    ],
    [
      "an image without alt_text",
      [{ type: "image", image_url: "https://x/y.png" }],
      "blocks[0].alt_text: must be a non-empty string",
    ],
    [
      "an image without a source",
      [{ type: "image", alt_text: "y" }],
      "blocks[0]: needs image_url or slack_file",
    ],
    [
      "a timepicker's initial_time not HH:mm",
      [{ type: "actions", elements: [{ type: "timepicker", action_id: "t", initial_time: "9:00" }] }],
      "blocks[0].elements[0].initial_time: must be HH:mm (00:00 to 23:59)",
    ],
    [
      "a timepicker's initial_time past 23:59",
      [{ type: "actions", elements: [{ type: "timepicker", action_id: "t", initial_time: "24:00" }] }],
      "blocks[0].elements[0].initial_time: must be HH:mm (00:00 to 23:59)",
    ],
  ];
  it.each(broken)("%s", (_name, blocks, error) => {
    expect(validateBlocks(blocks, "modal")).toEqual([error]);
  });

  it("allows 50 blocks in a message, not 51", () => {
    expect(validateBlocks(Array(50).fill({ type: "divider" }), "message")).toEqual([]);
    expect(validateBlocks(Array(51).fill({ type: "divider" }), "message")).toEqual([
      "blocks: 51 blocks (max 50)",
    ]);
  });
});

describe("validateView", () => {
  it("accepts a modal asking one question and a home tab", () => {
    expect(
      validateView(
        modal({ blocks: [input(textInput())], private_metadata: chars(3000), callback_id: chars(255) }),
      ),
    ).toEqual([]);
    expect(validateView({ type: "home", blocks: Array(100).fill(section("Status")) })).toEqual([]);
  });

  const broken: [name: string, view: unknown, error: string][] = [
    ["not an object", "modal", "view: must be an object"],
    ["an unknown view type", { type: "dialog", blocks: [] }, 'type: must be "modal" or "home", got "dialog"'],
    ["a modal without title", { type: "modal", blocks: [] }, "title: must be a text object"],
    ["a title over 24", modal({ title: plain(chars(25)) }), "title.text: 25 characters (max 24)"],
    ["a submit over 24", modal({ submit: plain(chars(25)) }), "submit.text: 25 characters (max 24)"],
    ["a close over 24", modal({ close: plain(chars(25)) }), "close.text: 25 characters (max 24)"],
    ["a mrkdwn title", modal({ title: mrkdwn("*Plan*") }), "title.type: must be plain_text"],
    [
      "an input block without submit",
      { ...modal({ blocks: [input(textInput())] }), submit: undefined },
      "submit: is required when the view has an input block",
    ],
    [
      "private_metadata over 3000",
      modal({ private_metadata: chars(3001) }),
      "private_metadata: 3001 characters (max 3000)",
    ],
    ["callback_id over 255", modal({ callback_id: chars(256) }), "callback_id: 256 characters (max 255)"],
    ["external_id over 255", modal({ external_id: chars(256) }), "external_id: 256 characters (max 255)"],
    [
      "more than 100 blocks",
      modal({ blocks: Array(101).fill({ type: "divider" }) }),
      "blocks: 101 blocks (max 100)",
    ],
    [
      "blocks that break a limit",
      modal({ blocks: [section(chars(3001))] }),
      "blocks[0].text.text: 3001 characters (max 3000)",
    ],
    [
      "a view over 250 kB",
      modal({ blocks: Array(90).fill(section(chars(2900))) }),
      "view: 265983 bytes (max 250000)",
    ],
  ];
  it.each(broken)("rejects %s", (_name, view, error) => {
    expect(validateView(view)).toEqual([error]);
  });
});

describe("validateMessage", () => {
  it("accepts plain text and blocks with a text fallback", () => {
    expect(validateMessage({ text: chars(40_000) })).toEqual([]);
    expect(validateMessage({ text: "Status", blocks: Array(50).fill(section("ok")) })).toEqual([]);
  });

  const broken: [name: string, message: { text?: unknown; blocks?: unknown }, error: string][] = [
    ["no text at all", {}, "text: is required"],
    [
      "blocks without a text fallback",
      { blocks: [section("hi")] },
      "text: a text fallback is required with blocks",
    ],
    ["text over 40000", { text: chars(40_001) }, "text: 40001 characters (max 40000)"],
    [
      "more than 50 blocks",
      { text: "t", blocks: Array(51).fill({ type: "divider" }) },
      "blocks: 51 blocks (max 50)",
    ],
    ["blocks that are not a list", { text: "t", blocks: "[]" }, "blocks: must be an array"],
  ];
  it.each(broken)("rejects %s", (_name, message, error) => {
    expect(validateMessage(message)).toEqual([error]);
  });
});
