// The Custom Elements Manifest (custom-elements.json, schema of the `custom-elements-manifest`
// npm package) of <kyphoplasty-guide>, so IDEs, documentation tools and linters know its
// attributes, events, slot, CSS part and custom properties. Written into dist/ by the
// post-build step from the two files that define the public contract:
// src/embed/attributes.toml (attributes) and src/embed/element.toml (everything else).
// tests/e2e/custom-elements.test.mjs validates it against the schema.
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { LOADER } from "./release.mjs";

export const MANIFEST = "custom-elements.json";
/** The version of the manifest format, as in the schema of the devDependency. */
export const SCHEMA_VERSION = "2.1.0";

const readToml = (file) => parse(fs.readFileSync(file, "utf8"));

/** The attributes (attributes.toml) and the rest of the element (element.toml) under `root`. */
export function publicContract(root) {
  const embed = path.join(root, "src", "embed");
  return {
    attributes: readToml(path.join(embed, "attributes.toml")).attribute,
    element: readToml(path.join(embed, "element.toml")),
  };
}

/** `The default`, or a default that is one code literal (`2`, `#005eb8`) without its backticks. */
const literal = (text) => text.match(/^`([^`]+)`$/)?.[1];

/** An attributes.toml entry as a manifest attribute (its value is always text; integers read as numbers). */
function attribute({ name, kind, does, default: fallback }) {
  const value = literal(fallback);
  return {
    name,
    description: `${does}. Default: ${fallback}.`,
    type: { text: kind === "integer" ? "number" : "string" },
    ...(value === undefined ? {} : { default: JSON.stringify(value) }),
  };
}

/** The manifest of the element, whose loader is `LOADER` (the same in the root and the version folders). */
export function manifest({ attributes, element }, version) {
  const declaration = {
    kind: "class",
    name: element.class,
    customElement: true,
    tagName: element.tag,
    summary: element.summary,
    description: `${element.description} Version ${version}.`,
    superclass: { name: "HTMLElement", package: "global:" },
    attributes: attributes.map(attribute),
    events: element.event.map(({ name, detail, description }) => ({
      name,
      description: `${description} Bubbles and crosses the shadow boundary (composed).`,
      type: { text: `CustomEvent<${detail}>` },
    })),
    slots: element.slot.map(({ name, description }) => ({ name, description })),
    cssParts: element.part.map(({ name, description }) => ({ name, description })),
    cssProperties: element.property.map(({ name, description, default: fallback, syntax }) => ({
      name,
      description,
      default: fallback,
      ...(syntax ? { syntax } : {}),
    })),
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    modules: [
      {
        kind: "javascript-module",
        path: LOADER,
        description: "The loader, the one script a page includes; it defines the element.",
        declarations: [declaration],
        exports: [{ kind: "custom-element-definition", name: element.tag, declaration: { name: element.class, module: LOADER } }],
      },
    ],
  };
}

/** Writes custom-elements.json into `dir` (a release's staging directory). */
export function writeManifest(root, dir, version) {
  const text = JSON.stringify(manifest(publicContract(root), version), null, 2) + "\n";
  fs.writeFileSync(path.join(dir, MANIFEST), text);
  return text;
}
