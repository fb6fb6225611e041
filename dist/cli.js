#!/usr/bin/env node
import { createRequire as __loopscopeCreateRequire } from 'node:module';
const require = __loopscopeCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path6, { windows } = {}) => {
      const segs = path6.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts2 = [];
      let str = input;
      let index = -1;
      let start2 = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start2 + 1) {
            start2 += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start2) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start2) {
          negated = token.negated = true;
          start2++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start2 > 0) {
        prefix = str.slice(0, start2);
        str = str.slice(start2);
        lastIndex -= start2;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start: start2,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start2;
          const i2 = slashes[idx];
          const value2 = input.slice(n2, i2);
          if (opts.tokens) {
            if (idx === 0 && start2 !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i2 >= start2) {
            parts2.push(value2);
            prevIndex = i2;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start2;
        const value = input.slice(n);
        parts2.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts2;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module2) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args2, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args2, options);
      }
      args2.sort();
      const value = `[${args2.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args2.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts2 = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts2.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts2.push(value);
      return parts2;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i2 = 0; i2 < values.length; i2++) {
        for (let j = i2 + 1; j < values.length; j++) {
          const a = values[i2];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i2 = 1; i2 < pattern.length; i2++) {
        const ch = pattern[i2];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i2 !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i2),
              end: i2
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body2, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body2).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body2 = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body2, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i2 = token.tokensIndex + 1; i2 < tokens.length; i2++) {
            tokens[i2].value = "";
            tokens[i2].output = "";
            delete tokens[i2].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix4 = POSIX_REGEX_SOURCE[rest2];
                if (posix4) {
                  prev.value = pre + posix4;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range3 = [];
            for (let i2 = arr.length - 1; i2 >= 0; i2--) {
              tokens.pop();
              if (arr[i2].type === "brace") {
                break;
              }
              if (arr[i2].type !== "dots") {
                range3.unshift(arr[i2].value);
              }
            }
            output = expandRange(range3, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out2 = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out2;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module2) {
    "use strict";
    var scan = require_scan();
    var parse2 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix4 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix4 });
        const result = { glob, state, regex, posix: posix4, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix4 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix4 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix4);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix4 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix4 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err2) {
        if (options && options.debug === true) throw err2;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module2.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module2.exports = picomatch2;
  }
});

// node_modules/@renovatebot/pep440/lib/version.js
var require_version = __commonJS({
  "node_modules/@renovatebot/pep440/lib/version.js"(exports, module2) {
    var VERSION_PATTERN = [
      "v?",
      "(?:",
      /* */
      "(?:(?<epoch>[0-9]+)!)?",
      // epoch
      /* */
      "(?<release>[0-9]+(?:\\.[0-9]+)*)",
      // release segment
      /* */
      "(?<pre>",
      // pre-release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_n>[0-9]+)?",
      /* */
      ")?",
      /* */
      "(?<post>",
      // post release
      /*    */
      "(?:-(?<post_n1>[0-9]+))",
      /*    */
      "|",
      /*    */
      "(?:",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_l>post|rev|r)",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_n2>[0-9]+)?",
      /*    */
      ")",
      /* */
      ")?",
      /* */
      "(?<dev>",
      // dev release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_l>dev)",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_n>[0-9]+)?",
      /* */
      ")?",
      ")",
      "(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"
      // local version
    ].join("");
    module2.exports = {
      VERSION_PATTERN,
      valid,
      clean,
      explain,
      parse: parse2,
      stringify: stringify2
    };
    var validRegex = new RegExp("^" + VERSION_PATTERN + "$", "i");
    function valid(version) {
      return validRegex.test(version) ? version : null;
    }
    var cleanRegex = new RegExp("^\\s*" + VERSION_PATTERN + "\\s*$", "i");
    function clean(version) {
      return stringify2(parse2(version, cleanRegex));
    }
    function parse2(version, regex) {
      const { groups } = (regex || validRegex).exec(version) || {};
      if (!groups) {
        return null;
      }
      const parsed = {
        epoch: Number(groups.epoch ? groups.epoch : 0),
        release: groups.release.split(".").map(Number),
        pre: normalize_letter_version(groups.pre_l, groups.pre_n),
        post: normalize_letter_version(
          groups.post_l,
          groups.post_n1 || groups.post_n2
        ),
        dev: normalize_letter_version(groups.dev_l, groups.dev_n),
        local: parse_local_version(groups.local)
      };
      return parsed;
    }
    function stringify2(parsed) {
      if (!parsed) {
        return null;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      const parts2 = [];
      if (epoch !== 0) {
        parts2.push(`${epoch}!`);
      }
      parts2.push(release.join("."));
      if (pre) {
        parts2.push(pre.join(""));
      }
      if (post) {
        parts2.push("." + post.join(""));
      }
      if (dev) {
        parts2.push("." + dev.join(""));
      }
      if (local) {
        parts2.push(`+${local}`);
      }
      return parts2.join("");
    }
    function normalize_letter_version(letterIn, numberIn) {
      let letter = letterIn;
      let number = numberIn;
      if (letter) {
        if (!number) {
          number = 0;
        }
        letter = letter.toLowerCase();
        if (letter === "alpha") {
          letter = "a";
        } else if (letter === "beta") {
          letter = "b";
        } else if (["c", "pre", "preview"].includes(letter)) {
          letter = "rc";
        } else if (["rev", "r"].includes(letter)) {
          letter = "post";
        }
        return [letter, Number(number)];
      }
      if (!letter && number) {
        letter = "post";
        return [letter, Number(number)];
      }
      return null;
    }
    function parse_local_version(local) {
      if (local) {
        return local.split(/[._-]/).map(
          (part) => Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)
        );
      }
      return null;
    }
    function explain(version) {
      const parsed = parse2(version);
      if (!parsed) {
        return parsed;
      }
      const { epoch, release, pre, post, dev, local } = parsed;
      let base_version = "";
      if (epoch !== 0) {
        base_version += epoch + "!";
      }
      base_version += release.join(".");
      const is_prerelease = Boolean(dev || pre);
      const is_devrelease = Boolean(dev);
      const is_postrelease = Boolean(post);
      return {
        epoch,
        release,
        pre,
        post: post ? post[1] : post,
        dev: dev ? dev[1] : dev,
        local: local ? local.join(".") : local,
        public: stringify2(parsed).split("+", 1)[0],
        base_version,
        is_prerelease,
        is_devrelease,
        is_postrelease
      };
    }
  }
});

// node_modules/@renovatebot/pep440/lib/operator.js
var require_operator = __commonJS({
  "node_modules/@renovatebot/pep440/lib/operator.js"(exports, module2) {
    var { parse: parse2 } = require_version();
    module2.exports = {
      compare,
      rcompare,
      lt,
      le,
      eq,
      ne,
      ge,
      gt,
      "<": lt,
      "<=": le,
      "==": eq,
      "!=": ne,
      ">=": ge,
      ">": gt,
      "===": arbitrary
    };
    function lt(version, other) {
      return compare(version, other) < 0;
    }
    function le(version, other) {
      return compare(version, other) <= 0;
    }
    function eq(version, other) {
      return compare(version, other) === 0;
    }
    function ne(version, other) {
      return compare(version, other) !== 0;
    }
    function ge(version, other) {
      return compare(version, other) >= 0;
    }
    function gt(version, other) {
      return compare(version, other) > 0;
    }
    function arbitrary(version, other) {
      return version.toLowerCase() === other.toLowerCase();
    }
    function compare(version, other) {
      const parsedVersion = parse2(version);
      const parsedOther = parse2(other);
      const keyVersion = calculateKey(parsedVersion);
      const keyOther = calculateKey(parsedOther);
      return pyCompare(keyVersion, keyOther);
    }
    function rcompare(version, other) {
      return -compare(version, other);
    }
    function pyCompare(elemIn, otherIn) {
      let elem = elemIn;
      let other = otherIn;
      if (elem === other) {
        return 0;
      }
      if (Array.isArray(elem) !== Array.isArray(other)) {
        elem = Array.isArray(elem) ? elem : [elem];
        other = Array.isArray(other) ? other : [other];
      }
      if (Array.isArray(elem)) {
        const len = Math.min(elem.length, other.length);
        for (let i2 = 0; i2 < len; i2 += 1) {
          const res = pyCompare(elem[i2], other[i2]);
          if (res !== 0) {
            return res;
          }
        }
        return elem.length - other.length;
      }
      if (elem === -Infinity || other === Infinity) {
        return -1;
      }
      if (elem === Infinity || other === -Infinity) {
        return 1;
      }
      return elem < other ? -1 : 1;
    }
    function calculateKey(input) {
      const { epoch } = input;
      let { release, pre, post, local, dev } = input;
      release = release.concat();
      release.reverse();
      while (release.length && release[0] === 0) {
        release.shift();
      }
      release.reverse();
      if (!pre && !post && dev) pre = -Infinity;
      else if (!pre) pre = Infinity;
      if (!post) post = -Infinity;
      if (!dev) dev = Infinity;
      if (!local) {
        local = -Infinity;
      } else {
        local = local.map(
          (i2) => Number.isNaN(Number(i2)) ? [-Infinity, i2] : [Number(i2), ""]
        );
      }
      return [epoch, release, pre, post, dev, local];
    }
  }
});

// node_modules/@renovatebot/pep440/lib/specifier.js
var require_specifier = __commonJS({
  "node_modules/@renovatebot/pep440/lib/specifier.js"(exports, module2) {
    var { VERSION_PATTERN, explain: explainVersion } = require_version();
    var Operator = require_operator();
    var RANGE_PATTERN = [
      "(?<operator>(===|~=|==|!=|<=|>=|<|>))",
      "\\s*",
      "(",
      /*  */
      "(?<version>(?:" + VERSION_PATTERN.replace(/\?<\w+>/g, "?:") + "))",
      /*  */
      "(?<prefix>\\.\\*)?",
      /*  */
      "|",
      /*  */
      "(?<legacy>[^,;\\s)]+)",
      ")"
    ].join("");
    module2.exports = {
      RANGE_PATTERN,
      parse: parse2,
      satisfies,
      filter,
      validRange,
      maxSatisfying,
      minSatisfying
    };
    var isEqualityOperator = (op) => ["==", "!=", "==="].includes(op);
    var rangeRegex = new RegExp("^" + RANGE_PATTERN + "$", "i");
    function parse2(ranges) {
      if (!ranges.trim()) {
        return [];
      }
      const specifiers = ranges.split(",").map((range3) => rangeRegex.exec(range3.trim()) || {}).map(({ groups }) => {
        if (!groups) {
          return null;
        }
        let { ...spec } = groups;
        const { operator, version, prefix, legacy } = groups;
        if (version) {
          spec = { ...spec, ...explainVersion(version) };
          if (operator === "~=") {
            if (spec.release.length < 2) {
              return null;
            }
          }
          if (!isEqualityOperator(operator) && spec.local) {
            return null;
          }
          if (prefix) {
            if (!isEqualityOperator(operator) || spec.dev || spec.local) {
              return null;
            }
          }
        }
        if (legacy && operator !== "===") {
          return null;
        }
        return spec;
      });
      if (specifiers.filter(Boolean).length !== specifiers.length) {
        return null;
      }
      return specifiers;
    }
    function filter(versions, specifier, options = {}) {
      const filtered = pick(versions, specifier, options);
      if (filtered.length === 0 && options.prereleases === void 0) {
        return pick(versions, specifier, { prereleases: true });
      }
      return filtered;
    }
    function maxSatisfying(versions, range3, options) {
      const found = filter(versions, range3, options).sort(Operator.compare);
      return found.length === 0 ? null : found[found.length - 1];
    }
    function minSatisfying(versions, range3, options) {
      const found = filter(versions, range3, options).sort(Operator.compare);
      return found.length === 0 ? null : found[0];
    }
    function pick(versions, specifier, options) {
      const parsed = parse2(specifier);
      if (!parsed) {
        return [];
      }
      return versions.filter((version) => {
        const explained = explainVersion(version);
        if (!parsed.length) {
          return explained && !(explained.is_prerelease && !options.prereleases);
        }
        return parsed.reduce((pass, spec) => {
          if (!pass) {
            return false;
          }
          return contains({ ...spec, ...options }, { version, explained });
        }, true);
      });
    }
    function satisfies(version, specifier, options = {}) {
      const filtered = pick([version], specifier, options);
      return filtered.length === 1;
    }
    function arrayStartsWith(array, prefix) {
      if (prefix.length > array.length) {
        return false;
      }
      for (let i2 = 0; i2 < prefix.length; i2 += 1) {
        if (prefix[i2] !== array[i2]) {
          return false;
        }
      }
      return true;
    }
    function contains(specifier, input) {
      const { explained } = input;
      let { version } = input;
      const { ...spec } = specifier;
      if (spec.prereleases === void 0) {
        spec.prereleases = spec.is_prerelease;
      }
      if (explained && explained.is_prerelease && !spec.prereleases) {
        return false;
      }
      if (spec.operator === "~=") {
        let compatiblePrefix = spec.release.slice(0, -1).concat("*").join(".");
        if (spec.epoch) {
          compatiblePrefix = spec.epoch + "!" + compatiblePrefix;
        }
        return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
          prereleases: spec.prereleases
        });
      }
      if (spec.prefix) {
        const isMatching = explained.epoch === spec.epoch && arrayStartsWith(explained.release, spec.release);
        const isEquality = spec.operator !== "!=";
        return isEquality ? isMatching : !isMatching;
      }
      if (explained) {
        if (explained.local && spec.version) {
          version = explained.public;
          spec.version = explainVersion(spec.version).public;
        }
      }
      if (spec.operator === "<" || spec.operator === ">") {
        if (Operator.eq(spec.release.join("."), explained.release.join("."))) {
          return false;
        }
      }
      const op = Operator[spec.operator];
      return op(version, spec.version || spec.legacy);
    }
    function validRange(specifier) {
      return Boolean(parse2(specifier));
    }
  }
});

// node_modules/@renovatebot/pep440/lib/semantic.js
var require_semantic = __commonJS({
  "node_modules/@renovatebot/pep440/lib/semantic.js"(exports, module2) {
    var { explain, parse: parse2, stringify: stringify2 } = require_version();
    module2.exports = {
      major,
      minor,
      patch,
      inc
    };
    function major(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      return version.release[0];
    }
    function minor(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 2) {
        return 0;
      }
      return version.release[1];
    }
    function patch(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 3) {
        return 0;
      }
      return version.release[2];
    }
    function inc(input, release, preReleaseIdentifier) {
      let identifier = preReleaseIdentifier || `a`;
      const version = parse2(input);
      if (!version) {
        return null;
      }
      if (!["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"].includes(
        identifier
      )) {
        return null;
      }
      switch (release) {
        case "premajor":
          {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "preminor":
          {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prepatch":
          {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prerelease":
          if (version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
            version.pre = [identifier, 0];
          } else {
            if (preReleaseIdentifier === void 0 && version.pre !== null) {
              [identifier] = version.pre;
            }
            const [letter, number] = version.pre;
            if (letter === identifier) {
              version.pre = [letter, number + 1];
            } else {
              version.pre = [identifier, 0];
            }
          }
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "major":
          if (version.release.slice(1).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "minor":
          if (version.release.slice(2).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "patch":
          if (version.release.slice(3).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        default:
          return null;
      }
      return stringify2(version);
    }
  }
});

// node_modules/@renovatebot/pep440/index.js
var require_pep440 = __commonJS({
  "node_modules/@renovatebot/pep440/index.js"(exports, module2) {
    var { valid, clean, explain, parse: parse2 } = require_version();
    var { lt, le, eq, ne, ge, gt, compare, rcompare } = require_operator();
    var {
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies,
      validRange
    } = require_specifier();
    var { major, minor, patch, inc } = require_semantic();
    module2.exports = {
      // version
      valid,
      clean,
      explain,
      parse: parse2,
      // operator
      lt,
      le,
      lte: le,
      eq,
      ne,
      neq: ne,
      ge,
      gte: ge,
      gt,
      compare,
      rcompare,
      // range
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies,
      validRange,
      // semantic
      major,
      minor,
      patch,
      inc
    };
  }
});

// src/cli.ts
import { writeFileSync } from "node:fs";
import * as path5 from "node:path";
import { parseArgs } from "node:util";

// src/analyze.ts
import * as path4 from "node:path";

// src/read/workspace.ts
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import * as path from "node:path";
var MAX_FILE_BYTES = 2 * 1024 * 1024;
var utf8 = new TextDecoder("utf-8", { fatal: true });
var utf8Lossy = new TextDecoder("utf-8", { fatal: false });
function normalizeRelPath(p) {
  if (p.includes("\0")) return null;
  if (p === "" || p === ".") return "";
  const slashed = p.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:\//.test(slashed)) return null;
  const norm = path.posix.normalize(slashed);
  if (norm === ".." || norm.startsWith("../")) return null;
  return norm === "." ? "" : norm.replace(/\/$/, "");
}
var Workspace = class {
  root;
  realRoot;
  cache = /* @__PURE__ */ new Map();
  notices = [];
  bytesRead = 0;
  constructor(root) {
    this.root = path.resolve(root);
    this.realRoot = realpathSync.native(this.root);
  }
  /** The absolute path for a relative one, or null if it escapes the root (symlinks included). */
  insideCache = /* @__PURE__ */ new Map();
  resolveInside(rel) {
    const norm = normalizeRelPath(rel);
    if (norm === null) return null;
    const cached = this.insideCache.get(norm);
    if (cached !== void 0) return cached;
    const abs = path.join(this.root, norm);
    let result = abs;
    try {
      const real = realpathSync.native(abs);
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) result = null;
    } catch {
      result = null;
    }
    this.insideCache.set(norm, result);
    return result;
  }
  existsCache = /* @__PURE__ */ new Map();
  exists(rel) {
    const hit = this.existsCache.get(rel);
    if (hit !== void 0) return hit;
    const abs = this.resolveInside(rel);
    let ok = false;
    if (abs) {
      try {
        ok = statSync(abs).isFile();
      } catch {
        ok = false;
      }
    }
    this.existsCache.set(rel, ok);
    return ok;
  }
  isDir(rel) {
    const abs = this.resolveInside(rel);
    if (!abs) return false;
    try {
      return statSync(abs).isDirectory();
    } catch {
      return false;
    }
  }
  read(rel) {
    return this.readFile(rel)?.text ?? null;
  }
  readFile(rel) {
    const norm = normalizeRelPath(rel);
    if (norm === null) return null;
    if (this.cache.has(norm)) return this.cache.get(norm) ?? null;
    const result = this.load(norm);
    this.cache.set(norm, result);
    return result;
  }
  notice(level, rel, message) {
    this.notices.push({ level, path: rel, message });
  }
  load(rel) {
    const abs = this.resolveInside(rel);
    if (!abs) return null;
    let buf;
    try {
      const st = statSync(abs);
      if (!st.isFile()) return null;
      if (st.size > MAX_FILE_BYTES) {
        this.notice("warning", rel, `skipped: ${st.size} bytes is over the ${MAX_FILE_BYTES}-byte limit for one file`);
        return null;
      }
      buf = readFileSync(abs);
    } catch (e) {
      this.notice("warning", rel, `could not be read: ${e.message}`);
      return null;
    }
    if (buf.length > MAX_FILE_BYTES) {
      this.notice("warning", rel, `skipped: ${buf.length} bytes is over the ${MAX_FILE_BYTES}-byte limit for one file`);
      return null;
    }
    this.bytesRead += buf.length;
    if (buf.subarray(0, 8192).includes(0)) {
      this.notice("warning", rel, "skipped: looks binary (contains NUL bytes)");
      return null;
    }
    let text;
    let exactText = true;
    try {
      text = utf8.decode(buf);
    } catch {
      text = utf8Lossy.decode(buf);
      exactText = false;
      this.notice(
        "warning",
        rel,
        "is not valid UTF-8: analysed with replacement characters, and no fix is offered for it"
      );
    }
    if (text.charCodeAt(0) === 65279) text = text.slice(1);
    return { text, exactText };
  }
  /**
   * Lists files below `dir` (relative) whose basename satisfies `want`, skipping directories
   * for which `skipDir` returns true and never following symlinks out of the root.
   */
  walk(dir, want, skipDir) {
    const out2 = [];
    const start2 = this.resolveInside(dir);
    if (!start2) return out2;
    const stack = [normalizeRelPath(dir) ?? ""];
    const seen = /* @__PURE__ */ new Set();
    while (stack.length) {
      const rel = stack.pop();
      const abs = rel ? path.join(this.root, rel) : this.root;
      let real;
      try {
        real = realpathSync.native(abs);
      } catch {
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) continue;
      let entries;
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      const dirs = [];
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          const target = this.resolveInside(childRel);
          if (!target) continue;
          try {
            const st = statSync(target);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (isDir) {
          if (!skipDir(e.name, childRel)) dirs.push(childRel);
        } else if (isFile && want(childRel, e.name)) {
          out2.push(childRel);
        }
      }
      for (let i2 = dirs.length - 1; i2 >= 0; i2--) stack.push(dirs[i2]);
    }
    return out2.sort();
  }
};

// src/read/select.ts
import * as path2 from "node:path";
var PIN_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|[^/]*requirements[^/]*\.txt|constraints[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|tox\.ini|uv\.lock|poetry\.lock|Pipfile(\.lock)?|pytest\.ini|\.pytest\.ini|pytest\.toml|\.pytest\.toml)$/;
function dirname(rel) {
  const d = path2.posix.dirname(rel);
  return d === "." ? "" : d;
}
function selectFiles(ws, project, paths, changed) {
  const roots = (paths && paths.length ? paths : project.testpaths.length ? project.testpaths : [""]).map((p) => normalizeRelPath(p)).filter((p) => p !== null);
  const tests = /* @__PURE__ */ new Set();
  const conftests = /* @__PURE__ */ new Set();
  const explicitFiles = [];
  const walkDirs = [];
  for (const r of roots) {
    if (r !== "" && ws.exists(r)) explicitFiles.push(r);
    else if (r === "" || ws.isDir(r)) walkDirs.push(r);
  }
  const all = [];
  for (const d of walkDirs) {
    all.push(
      ...ws.walk(
        d,
        (_rel, base) => base.endsWith(".py") && (base === "conftest.py" || project.isTestFile(base)),
        (base, rel) => project.skipDir(base, rel)
      )
    );
  }
  for (const f of explicitFiles) if (f.endsWith(".py")) all.push(f);
  const allTests = all.filter((f) => path2.posix.basename(f) !== "conftest.py");
  const allConftests = all.filter((f) => path2.posix.basename(f) === "conftest.py");
  let configChanged = false;
  const reportConftests = /* @__PURE__ */ new Set();
  if (!changed) {
    allTests.forEach((t) => tests.add(t));
    allConftests.forEach((c2) => {
      conftests.add(c2);
      reportConftests.add(c2);
    });
  } else {
    const changedSet = new Set(changed.map((c2) => normalizeRelPath(c2)).filter((c2) => c2 !== null));
    for (const c2 of changedSet) {
      if (PIN_FILE.test(c2) || c2 === project.configPath) configChanged = true;
    }
    if (configChanged) {
      allTests.forEach((t) => tests.add(t));
      allConftests.forEach((c2) => {
        conftests.add(c2);
        reportConftests.add(c2);
      });
    } else {
      const changedConftestDirs = [];
      for (const c2 of changedSet) {
        const base = path2.posix.basename(c2);
        if (base === "conftest.py") {
          changedConftestDirs.push(dirname(c2));
          reportConftests.add(c2);
          conftests.add(c2);
        } else if (allTests.includes(c2)) {
          tests.add(c2);
        } else if (c2.endsWith(".py") && project.isPluginModule(c2, allConftests)) {
          changedConftestDirs.push("");
        }
      }
      for (const t of allTests) {
        if (changedConftestDirs.some((d) => d === "" || t.startsWith(d + "/"))) tests.add(t);
      }
    }
  }
  const inits = /* @__PURE__ */ new Set();
  for (const t of tests) {
    const parts2 = dirname(t).split("/").filter(Boolean);
    const dirs = [""];
    for (let i2 = 0; i2 < parts2.length; i2++) dirs.push(parts2.slice(0, i2 + 1).join("/"));
    for (const d of dirs) {
      const c2 = d ? `${d}/conftest.py` : "conftest.py";
      if (ws.exists(c2)) conftests.add(c2);
      if (d) {
        const init2 = `${d}/__init__.py`;
        if (ws.exists(init2)) {
          const text = ws.read(init2);
          if (text && /^pytestmark\s*=/m.test(text)) inits.add(init2);
        }
      }
    }
  }
  return {
    tests: [...tests].sort(),
    conftests: [...conftests].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b)),
    inits: [...inits].sort(),
    reportConftests,
    configChanged
  };
}

// src/parse/python.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path3 from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/web-tree-sitter/tree-sitter.js
var __defProp2 = Object.defineProperty;
var __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range3) {
  marshalPoint(address, range3.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range3.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range3.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range3.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c2 of captures) {
        if (c2.name === captureName1) nodes1.push(c2.node);
        if (c2.name === captureName2) nodes2.push(c2.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c2 of captures) {
        if (c2.name === captureName) nodes.push(c2.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c2 of captures) {
      if (c2.name === captureName) nodes.push(c2.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c2 of captures) {
      if (c2.name === captureName) nodes.push(c2.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input) {
    let bytes;
    if (input instanceof Uint8Array) {
      bytes = Promise.resolve(input);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import("fs/promises");
        bytes = fs2.readFile(input);
      } else {
        bytes = fetch(input).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key2) => LANGUAGE_FUNCTION_REGEX.test(key2) && !key2.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve3, reject) => {
      readyPromiseResolve = resolve3;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire: createRequire2 } = await import("module");
      var require = createRequire2(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path6) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path6, scriptDirectory);
      }
      return scriptDirectory + path6;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve3, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve3(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = HEAP16 = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
      Module["HEAP32"] = HEAP32 = new Int32Array(b);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason) {
        err(`failed to asynchronously prepare wasm: ${reason}`);
        abort(reason);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason) {
          err(`wasm streaming compile failed: ${reason}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency("wasm-instantiate");
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result2) {
        return receiveInstance(result2["instance"], result2["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve3, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve3(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    var ASM_CONSTS = {};
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition, message) {
        if (condition) throw new Error(message);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var modname = getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            ASM_CONSTS[start] = eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry] of Object.entries(GOT)) {
        if (entry.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry.required) {
            continue;
          }
          if (typeof value == "function") {
            entry.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency("loadDylibs");
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency("loadDylibs");
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var nowIsMonotonic = 1;
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else if (nowIsMonotonic) {
        now = _emscripten_get_now();
      } else {
        return 52;
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
      if (printCharBuffers[1].length) printChar(1, 10);
      if (printCharBuffers[2].length) printChar(2, 10);
    }, "flush_NO_FILESYSTEM");
    var SYSCALLS = {
      varargs: void 0,
      getStr(ptr) {
        var ret = UTF8ToString(ptr);
        return ret;
      }
    };
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message = UTF8ToString(messageAddress);
        Module.currentLogCallback(message, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var runtimeKeepaliveCounter = 0;
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code) => {
      EXITSTATUS = code;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code);
        ABORT = true;
      }
      quit_(code, new ExitStatus(code));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c2 = str.charCodeAt(i2);
        if (c2 <= 127) {
          len++;
        } else if (c2 <= 2047) {
          len += 2;
        } else if (c2 >= 55296 && c2 <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
    var _malloc = Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    var _realloc = Module["_realloc"] = wasmExports["realloc"];
    var _free = Module["_free"] = wasmExports["free"];
    var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
    var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
    var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
    var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
    var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
    var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
    var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
    var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
    var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    var _memset = Module["_memset"] = wasmExports["memset"];
    var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
    var _memmove = Module["_memmove"] = wasmExports["memmove"];
    var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
    var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
    var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
    var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
    var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
    var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
    var _memchr = Module["_memchr"] = wasmExports["memchr"];
    var _strlen = Module["_strlen"] = wasmExports["strlen"];
    var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
    var _strncat = Module["_strncat"] = wasmExports["strncat"];
    var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
    var _towlower = Module["_towlower"] = wasmExports["towlower"];
    var _towupper = Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        preMain();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/parse/python.ts
var parser = null;
var initPromise = null;
function locate(file, pkgPath) {
  const here = path3.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path3.join(here, file), path3.join(here, "..", file), path3.join(here, "..", "..", "dist", file)]) {
    if (existsSync(candidate)) return candidate;
  }
  const require2 = createRequire(import.meta.url);
  return require2.resolve(pkgPath);
}
async function initParser() {
  if (parser) return parser;
  if (!initPromise) {
    initPromise = (async () => {
      const runtime = locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
      await Parser.init({ locateFile: () => runtime });
      const lang = await Language.load(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
      const p = new Parser();
      p.setLanguage(lang);
      parser = p;
      return p;
    })();
  }
  return initPromise;
}
function parsePython(p, text) {
  const tree = p.parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

// src/model/types.ts
var SCOPES = ["function", "class", "module", "package", "session"];
function isScope(s) {
  return typeof s === "string" && SCOPES.includes(s);
}
function scopeRank(s) {
  return SCOPES.indexOf(s);
}

// src/model/extract.ts
function newPyFile(init2) {
  return { ...init2, functions: [], classes: [], fixtures: [], tests: [], moduleMarks: [], pytestPlugins: null, hooks: /* @__PURE__ */ new Map(), hookMarks: [] };
}
var DEFAULT_COLLECT = {
  isTestFunction: (n) => n.startsWith("test"),
  isTestClass: (n) => n.startsWith("Test")
};
function lineStartsOf(text) {
  const starts = [0];
  for (let i2 = 0; i2 < text.length; i2++) {
    const c2 = text.charCodeAt(i2);
    if (c2 === 10) starts.push(i2 + 1);
    else if (c2 === 13 && text.charCodeAt(i2 + 1) !== 10) starts.push(i2 + 1);
  }
  return starts;
}
function lineOf(lineStarts2, offset) {
  let lo = 0;
  let hi = lineStarts2.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (lineStarts2[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
var MAX_VALUE_DEPTH = 40;
var FIXTURE_DECORATORS = {
  "pytest.fixture": "pytest",
  "pytest_asyncio.fixture": "pytest_asyncio",
  "pytest_asyncio.plugin.fixture": "pytest_asyncio",
  "pytest_trio.trio_fixture": "pytest_trio"
};
var Extractor = class {
  constructor(path6, text, collect) {
    this.path = path6;
    this.text = text;
    this.collect = collect;
    this.lineStarts = lineStartsOf(text);
  }
  path;
  text;
  collect;
  lineStarts;
  imports = { names: /* @__PURE__ */ new Map(), insertAt: 0, modules: /* @__PURE__ */ new Set() };
  /** Module-level names bound to mark expressions (`session_loop = pytest.mark.asyncio(...)`). */
  markVars = /* @__PURE__ */ new Map();
  span(n) {
    const line = lineOf(this.lineStarts, n.startIndex);
    return {
      start: n.startIndex,
      end: n.endIndex,
      line,
      endLine: lineOf(this.lineStarts, Math.max(n.startIndex, n.endIndex - 1)),
      col: n.startIndex - this.lineStarts[line - 1] + 1
    };
  }
  spanRange(start2, end) {
    return this.span({ startIndex: start2, endIndex: end });
  }
  indentAt(offset) {
    const ls = this.lineStarts[lineOf(this.lineStarts, offset) - 1];
    const m = /^[ \t]*/.exec(this.text.slice(ls, offset));
    return m ? m[0] : "";
  }
  /** The dotted name of a name/attribute expression after import resolution, or null. */
  qual(n) {
    if (!n) return null;
    if (n.type === "identifier") return this.imports.names.get(n.text) ?? n.text;
    if (n.type === "attribute") {
      const obj = this.qual(n.childForFieldName("object"));
      const attr = n.childForFieldName("attribute");
      return obj && attr ? `${obj}.${attr.text}` : null;
    }
    return null;
  }
  value(n, depth = 0) {
    const base = { text: n.text, span: this.span(n) };
    if (depth > MAX_VALUE_DEPTH) return { kind: "other", ...base };
    switch (n.type) {
      case "string":
      case "concatenated_string": {
        const decoded = this.decodeString(n);
        const v = { kind: "str", ...base };
        if (decoded) {
          v.str = decoded.str;
          v.quote = decoded.quote;
        }
        return v;
      }
      case "list":
      case "tuple":
      case "parenthesized_expression": {
        if (n.type === "parenthesized_expression") {
          const inner = n.namedChildren.filter((c2) => !!c2 && c2.type !== "comment");
          if (inner.length === 1) return this.value(inner[0], depth + 1);
        }
        const items = n.namedChildren.filter((c2) => !!c2 && c2.type !== "comment").map((c2) => this.value(c2, depth + 1));
        return { kind: n.type === "list" ? "list" : "tuple", ...base, items };
      }
      case "dictionary":
        return { kind: "dict", ...base };
      case "identifier": {
        if (n.text === "None") return { kind: "none", ...base };
        if (n.text === "True" || n.text === "False") return { kind: "bool", ...base };
        return { kind: "name", ...base, qual: this.qual(n) ?? n.text };
      }
      case "none":
        return { kind: "none", ...base };
      case "true":
      case "false":
        return { kind: "bool", ...base };
      case "integer":
      case "float":
        return { kind: "num", ...base };
      case "attribute":
        return { kind: "attr", ...base, qual: this.qual(n) ?? n.text };
      case "call": {
        const fn = n.childForFieldName("function");
        const argsNode = n.childForFieldName("arguments");
        const items = [];
        const kwargs = /* @__PURE__ */ new Map();
        if (argsNode && argsNode.type === "argument_list") {
          for (const a of argsNode.namedChildren) {
            if (!a || a.type === "comment") continue;
            if (a.type === "keyword_argument") {
              const k = a.childForFieldName("name");
              const val = a.childForFieldName("value");
              if (k && val) kwargs.set(k.text, this.value(val, depth + 1));
            } else {
              items.push(this.value(a, depth + 1));
            }
          }
        }
        const v = { kind: "call", ...base, items, kwargs, qual: this.qual(fn) ?? fn?.text ?? "" };
        if (argsNode) v.argList = this.span(argsNode);
        return v;
      }
      default:
        return { kind: "other", ...base };
    }
  }
  decodeString(n) {
    const parts2 = n.type === "concatenated_string" ? n.namedChildren.filter((c2) => !!c2) : [n];
    let out2 = "";
    let quote = '"';
    for (const p of parts2) {
      if (p.type !== "string") return null;
      const startTok = p.child(0);
      if (!startTok || startTok.type !== "string_start") return null;
      const prefix = startTok.text.replace(/["']+$/, "").toLowerCase();
      if (prefix.includes("f") || prefix.includes("t")) {
        if (p.namedChildren.some((c2) => c2?.type === "interpolation")) return null;
      }
      quote = startTok.text.slice(prefix.length);
      for (const c2 of p.namedChildren) {
        if (!c2) continue;
        if (c2.type === "string_content") out2 += c2.text;
        else if (c2.type === "escape_sequence") out2 += decodeEscape(c2.text);
        else if (c2.type === "interpolation") return null;
      }
    }
    return { str: out2, quote: quote.length >= 3 ? quote : quote.charAt(0) };
  }
  /** The pytest mark a value denotes (`pytest.mark.x`, `pytest.mark.x(...)`, or a mark variable). */
  markOf(v, origin, spanOverride) {
    const q = v.qual ?? "";
    if (v.kind === "name" && this.markVars.has(v.text)) {
      const inner = this.value(this.markVars.get(v.text));
      const m2 = this.markOf(inner, origin);
      return m2 ? { ...m2, span: spanOverride ?? v.span } : null;
    }
    const m = /^pytest\.mark\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(q);
    if (!m) return null;
    const name2 = m[1];
    if (v.kind === "call") {
      return {
        name: name2,
        span: spanOverride ?? v.span,
        value: v,
        called: true,
        args: v.items ?? [],
        kwargs: v.kwargs ?? /* @__PURE__ */ new Map(),
        origin
      };
    }
    if (v.kind === "attr" || v.kind === "name") {
      return { name: name2, span: spanOverride ?? v.span, value: v, called: false, args: [], kwargs: /* @__PURE__ */ new Map(), origin };
    }
    return null;
  }
  /** Marks of `pytest.param(..., marks=m | [m, ...])` entries in parametrize marks' argvalues. */
  paramMarks(marks) {
    const out2 = [];
    for (const pm of marks) {
      if (pm.name !== "parametrize") continue;
      const values = pm.args[1] ?? pm.kwargs.get("argvalues");
      for (const v of values?.items ?? []) {
        if (v.kind !== "call" || v.qual !== "pytest.param") continue;
        const mv = v.kwargs?.get("marks");
        if (!mv) continue;
        for (const x of mv.kind === "list" || mv.kind === "tuple" ? mv.items ?? [] : [mv]) {
          const m = this.markOf(x, "param");
          if (m) out2.push(m);
        }
      }
    }
    return out2;
  }
  /** Marks in a `pytestmark = ...` value: one mark or a list/tuple of them. */
  marksOfPytestmark(v) {
    const vals = v.kind === "list" || v.kind === "tuple" ? v.items ?? [] : [v];
    const out2 = [];
    for (const x of vals) {
      const m = this.markOf(x, "pytestmark");
      if (m) out2.push(m);
    }
    return out2;
  }
  readImports(stmt) {
    if (stmt.type === "import_statement") {
      for (const c2 of stmt.namedChildren) {
        if (!c2) continue;
        if (c2.type === "dotted_name") {
          const full = c2.text.replace(/\s+/g, "");
          const first = full.split(".")[0];
          this.imports.names.set(first, first);
          this.imports.modules.add(full);
        } else if (c2.type === "aliased_import") {
          const name2 = c2.childForFieldName("name");
          const alias = c2.childForFieldName("alias");
          if (name2 && alias) {
            this.imports.names.set(alias.text, name2.text.replace(/\s+/g, ""));
            this.imports.modules.add(name2.text.replace(/\s+/g, ""));
          }
        }
      }
    } else if (stmt.type === "import_from_statement") {
      const mod = stmt.childForFieldName("module_name");
      if (!mod || mod.type === "relative_import") return;
      const modName = mod.text.replace(/\s+/g, "");
      for (const c2 of stmt.childrenForFieldName("name")) {
        if (!c2) continue;
        if (c2.type === "dotted_name") this.imports.names.set(c2.text, `${modName}.${c2.text}`);
        else if (c2.type === "aliased_import") {
          const name2 = c2.childForFieldName("name");
          const alias = c2.childForFieldName("alias");
          if (name2 && alias) this.imports.names.set(alias.text, `${modName}.${name2.text}`);
        }
      }
    }
  }
  decorators(decorated) {
    if (!decorated || decorated.type !== "decorated_definition") return [];
    const out2 = [];
    for (const c2 of decorated.namedChildren) {
      if (!c2 || c2.type !== "decorator") continue;
      const expr = c2.namedChildren.find((x) => x && x.type !== "comment");
      if (!expr) continue;
      const value = this.value(expr);
      out2.push({ span: this.span(c2), value, qual: value.qual ?? value.text });
    }
    return out2;
  }
  params(fn) {
    const ps = fn.childForFieldName("parameters");
    const out2 = [];
    if (!ps) return out2;
    let kwonly = false;
    for (const p of ps.namedChildren) {
      if (!p) continue;
      const sp = this.span(p);
      switch (p.type) {
        case "identifier":
          out2.push({ name: p.text, hasDefault: false, kind: kwonly ? "kwonly" : "positional", span: sp });
          break;
        case "typed_parameter": {
          const inner = p.namedChildren[0];
          if (!inner) break;
          if (inner.type === "list_splat_pattern") {
            kwonly = true;
            out2.push({ name: inner.text.replace(/^\*/, ""), hasDefault: false, kind: "varargs", span: sp });
          } else if (inner.type === "dictionary_splat_pattern") {
            out2.push({ name: inner.text.replace(/^\*\*/, ""), hasDefault: false, kind: "kwargs", span: sp });
          } else {
            out2.push({ name: inner.text, hasDefault: false, kind: kwonly ? "kwonly" : "positional", span: sp });
          }
          break;
        }
        case "default_parameter":
        case "typed_default_parameter": {
          const name2 = p.childForFieldName("name");
          if (name2) out2.push({ name: name2.text, hasDefault: true, kind: kwonly ? "kwonly" : "positional", span: sp });
          break;
        }
        case "list_splat_pattern":
          kwonly = true;
          out2.push({ name: p.text.replace(/^\*/, ""), hasDefault: false, kind: "varargs", span: sp });
          break;
        case "dictionary_splat_pattern":
          out2.push({ name: p.text.replace(/^\*\*/, ""), hasDefault: false, kind: "kwargs", span: sp });
          break;
        case "keyword_separator":
          kwonly = true;
          break;
        default:
          break;
      }
    }
    return out2;
  }
  factWords = null;
  /** Module-level names bound to `contextvars.ContextVar(...)` (their `.set()` calls matter). */
  contextVars = /* @__PURE__ */ new Set();
  /**
   * Whether a body can hold a fact some rule reads. Plain bodies (`await client.get(...)`,
   * assertions) cannot: they name no async library, loop API, generator, hook or context
   * variable. Those skip the walk; `hasAwait` is still answered from the text.
   */
  bodyMayMatter(body2) {
    if (!this.factWords) {
      const aliases = [...this.imports.names].filter(([, q]) => /^(asyncio|anyio|trio|contextvars|pytest_asyncio|hypothesis|sniffio|uvloop)\b/.test(q)).map(([l]) => l.replace(/[^A-Za-z0-9_]/g, ""));
      const words = ["yield", "asyncio", "anyio", "trio", "loop", "event_loop", "add_marker", "getfixturevalue", "contextvars", "ContextVar", "Runner", "run_until_complete", "start_soon", "nursery", "task_group", "TaskGroup", "create_task_group", "open_nursery", "fail_after", "move_on_after", "fail_at", "move_on_at", "timeout", "CancelScope", "get_event_loop", "new_event_loop", "get_running_loop", "sniffio", ...aliases, ...this.contextVars];
      this.factWords = new RegExp(`\\b(?:${[...new Set(words)].filter(Boolean).join("|")})\\b`);
    }
    return this.factWords.test(this.text.slice(body2.startIndex, body2.endIndex));
  }
  /**
   * Walks a function body once with a tree cursor (materialising only the nodes a fact needs):
   * calls, awaits, yields with their enclosing `with` items, assignments. Nested functions,
   * classes and lambdas are separate scopes and are skipped.
   */
  facts(body2) {
    const facts = emptyFacts();
    if (!body2) return facts;
    const ctxs = [{ depth: 0, within: [], conditional: false, inLoop: false }];
    const awaited = /* @__PURE__ */ new Set();
    const bound = /* @__PURE__ */ new Map();
    const withItems = /* @__PURE__ */ new Map();
    const cursor = body2.walk();
    let depth = 0;
    try {
      for (; ; ) {
        const t = cursor.nodeType;
        let descend = true;
        const ctx = ctxs[ctxs.length - 1];
        switch (t) {
          case "function_definition":
          case "class_definition":
          case "lambda":
          case "decorated_definition":
            descend = false;
            break;
          case "call": {
            const start2 = cursor.startIndex;
            const item = withItems.get(start2);
            if (item) break;
            const fact = this.callFact(cursor.currentNode, awaited.has(start2), bound.get(start2));
            facts.calls.push(fact);
            if (fact.receiver !== void 0) facts.methodCalls.push({ receiver: fact.receiver, method: fact.method ?? "", span: fact.span, awaited: fact.awaited });
            break;
          }
          case "await": {
            facts.hasAwait = true;
            const inner = cursor.currentNode.namedChild(0);
            if (inner && inner.type === "call") awaited.add(inner.startIndex);
            break;
          }
          case "yield":
            if (cursor.nodeIsNamed) facts.yields.push({ span: this.span(cursor.currentNode), within: ctx.within, conditional: ctx.conditional, inLoop: ctx.inLoop });
            break;
          case "assignment":
          case "augmented_assignment": {
            const n = cursor.currentNode;
            const left = n.childForFieldName("left");
            if (left) for (const id of identifiersIn(left)) facts.assigned.add(id);
            let right = n.childForFieldName("right");
            if (right && right.type === "await") right = right.namedChild(0);
            if (left && left.type === "identifier" && right && right.type === "call") bound.set(right.startIndex, left.text);
            break;
          }
          case "with_statement": {
            const n = cursor.currentNode;
            const isAsync = n.child(0)?.type === "async";
            const clause = n.namedChildren.find((c2) => c2?.type === "with_clause");
            const items = [];
            for (const item of clause?.namedChildren ?? []) {
              if (!item || item.type !== "with_item") continue;
              let v = item.childForFieldName("value");
              let alias;
              if (v && v.type === "as_pattern") {
                const target = v.childForFieldName("alias");
                if (target) {
                  alias = target.text;
                  for (const id of identifiersIn(target)) facts.assigned.add(id);
                }
                v = v.namedChildren[0] ?? null;
              }
              if (v && v.type === "await") v = v.namedChild(0);
              if (v && v.type === "call") {
                const cf = this.callFact(v, false, alias);
                cf.withKind = isAsync ? "async with" : "with";
                items.push(cf);
                withItems.set(v.startIndex, cf);
                facts.calls.push(cf);
              }
            }
            ctxs.push({ depth: depth + 1, within: [...ctx.within, ...items], conditional: ctx.conditional, inLoop: ctx.inLoop });
            break;
          }
          case "if_statement":
          case "conditional_expression":
          case "match_statement":
          case "except_clause":
          case "boolean_operator":
            ctxs.push({ depth: depth + 1, within: ctx.within, conditional: true, inLoop: ctx.inLoop });
            break;
          case "for_statement":
          case "while_statement":
          case "list_comprehension":
          case "generator_expression":
          case "set_comprehension":
          case "dictionary_comprehension":
            ctxs.push({ depth: depth + 1, within: ctx.within, conditional: true, inLoop: true });
            break;
          default:
            break;
        }
        if (descend && cursor.gotoFirstChild()) {
          depth++;
          continue;
        }
        while (ctxs.length > 1 && ctxs[ctxs.length - 1].depth > depth) ctxs.pop();
        let moved = false;
        while (depth > 0) {
          if (cursor.gotoNextSibling()) {
            moved = true;
            break;
          }
          cursor.gotoParent();
          depth--;
          while (ctxs.length > 1 && ctxs[ctxs.length - 1].depth > depth) ctxs.pop();
        }
        if (!moved) break;
      }
    } finally {
      cursor.delete();
    }
    facts.calls.sort((a, b) => a.span.start - b.span.start);
    return facts;
  }
  /**
   * A call as a fact. The full argument values are built only for calls a rule may read (async
   * libraries, pytest, loops, fixtures' plumbing): building them for every call dominates the cost.
   */
  callFact(n, awaited = false, boundTo) {
    const fn = n.childForFieldName("function");
    const qual = this.qual(fn);
    let receiver;
    let method;
    if (fn && fn.type === "attribute") {
      const obj = fn.childForFieldName("object");
      const attr = fn.childForFieldName("attribute");
      if (obj && attr) {
        receiver = obj.text;
        method = attr.text;
      }
    }
    const interesting = qual !== null && INTERESTING_ROOTS.test(qual) || method !== void 0 && INTERESTING_METHODS.has(method) || fn?.type === "identifier" && this.imports.names.has(fn.text);
    const value = interesting ? this.value(n) : { kind: "call", text: n.text, span: this.span(n), items: [], kwargs: /* @__PURE__ */ new Map(), qual: qual ?? fn?.text ?? "" };
    const fact = { qual, callee: fn?.text ?? "", value, span: value.span, awaited };
    if (boundTo !== void 0) fact.boundTo = boundTo;
    if (receiver !== void 0) fact.receiver = receiver;
    if (method !== void 0) fact.method = method;
    return fact;
  }
  func(def, decorated, cls) {
    const decorators = this.decorators(decorated);
    const marks = [];
    for (let i2 = decorators.length - 1; i2 >= 0; i2--) {
      const d = decorators[i2];
      const m = this.markOf(d.value, "decorator", d.span);
      if (m) marks.push(m);
    }
    const paramMarks = this.paramMarks(marks);
    const isStatic = decorators.some((d) => d.qual === "staticmethod");
    const isClassMethod = decorators.some((d) => d.qual === "classmethod");
    const params = this.params(def);
    const body2 = def.childForFieldName("body");
    let facts;
    if (body2 && this.bodyMayMatter(body2)) facts = this.facts(body2);
    else {
      facts = emptyFacts();
      if (body2) facts.hasAwait = /\bawait\b/.test(this.text.slice(body2.startIndex, body2.endIndex));
    }
    let argParams = params.filter((p) => (p.kind === "positional" || p.kind === "kwonly") && !p.hasDefault);
    if (cls && !isStatic && params[0]?.kind === "positional") argParams = argParams.filter((p) => p !== params[0]);
    const patches = decorators.filter((d) => /(^|\.)patch(\.object|\.dict|\.multiple)?$/.test(d.qual) && !d.value.kwargs?.has("new")).length;
    if (patches) argParams = argParams.slice(patches);
    const given = decorators.find((d) => d.qual === "hypothesis.given" && d.value.kind === "call");
    if (given) {
      const byName = new Set(given.value.kwargs?.keys() ?? []);
      const positional = given.value.items?.length ?? 0;
      const supplied = /* @__PURE__ */ new Set([...argParams.filter((p) => p.kind === "positional").slice(positional ? -positional : argParams.length).map((p) => p.name), ...byName]);
      argParams = argParams.filter((p) => !supplied.has(p.name));
    }
    const first = decorators[0];
    const isAsync = def.child(0)?.type === "async";
    const nameNode = def.childForFieldName("name");
    const paramsNode = def.childForFieldName("parameters");
    const defEnd = (def.childForFieldName("return_type") ?? paramsNode ?? nameNode ?? def).endIndex;
    const defSpan = this.spanRange(def.startIndex, defEnd);
    const anchorStart = first ? first.span.start : def.startIndex;
    const defLineEnd = this.lineEnd(def.startIndex);
    const f = {
      name: nameNode?.text ?? "",
      defSpan,
      anchor: this.spanRange(anchorStart, defLineEnd),
      whole: this.spanRange(anchorStart, def.endIndex),
      indent: this.indentAt(def.startIndex),
      isAsync,
      isGenerator: facts.yields.length > 0,
      params,
      argnames: argParams.map((p) => p.name),
      decorators,
      marks,
      ...paramMarks.length ? { paramMarks } : {},
      isStatic,
      isClassMethod,
      facts
    };
    if (cls) f.cls = cls;
    return f;
  }
  lineEnd(offset) {
    const line = lineOf(this.lineStarts, offset);
    const next = this.lineStarts[line];
    if (next === void 0) return this.text.length;
    let e = next - 1;
    if (this.text.charCodeAt(e) === 10 && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }
  fixture(f, file, cls) {
    for (const d of f.decorators) {
      const kind = FIXTURE_DECORATORS[d.qual];
      if (!kind) continue;
      const kw = d.value.kind === "call" ? d.value.kwargs ?? /* @__PURE__ */ new Map() : /* @__PURE__ */ new Map();
      const scopeValue = kw.get("scope") ?? (d.value.kind === "call" && d.value.items?.[0]?.kind === "str" ? d.value.items[0] : void 0);
      let scope = "function";
      if (scopeValue) {
        if (scopeValue.kind === "str" && scopeValue.str !== void 0) scope = isScope(scopeValue.str) ? scopeValue.str : "invalid";
        else if (scopeValue.kind === "none") scope = "function";
        else scope = "dynamic";
      }
      const nameValue = kw.get("name");
      const autouseValue = kw.get("autouse");
      const fx = {
        name: nameValue?.str ?? f.name,
        func: f,
        file,
        decorator: d,
        decoratorKind: kind,
        scope,
        autouse: autouseValue?.text === "True"
      };
      if (cls) fx.cls = cls;
      if (scopeValue) fx.scopeValue = scopeValue;
      const ls = kw.get("loop_scope");
      if (ls) fx.loopScopeValue = ls;
      const params = kw.get("params");
      if (params) fx.params = params;
      if (nameValue) fx.nameValue = nameValue;
      return fx;
    }
    return null;
  }
  /** Statements of a block, descending into module-level if/try/with blocks (their defs are module attributes). */
  *statements(block, descend) {
    for (const c2 of block.namedChildren) {
      if (!c2) continue;
      if (descend && (c2.type === "if_statement" || c2.type === "try_statement" || c2.type === "with_statement")) {
        for (const sub of c2.namedChildren) {
          if (!sub) continue;
          if (sub.type === "block") yield* this.statements(sub, descend);
          else if (sub.type === "else_clause" || sub.type === "elif_clause" || sub.type === "except_clause" || sub.type === "finally_clause") {
            for (const b of sub.namedChildren) if (b && b.type === "block") yield* this.statements(b, descend);
          }
        }
      } else {
        yield c2;
      }
    }
  }
  assignmentOf(stmt) {
    if (stmt.type !== "expression_statement") return null;
    const a = stmt.namedChildren[0];
    if (!a || a.type !== "assignment") return null;
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    return left && right ? { left, right } : null;
  }
  classDef(def, decorated, file, outer, modulePrefix) {
    const decorators = this.decorators(decorated);
    const name2 = def.childForFieldName("name")?.text ?? "";
    const body2 = def.childForFieldName("body");
    const first = decorators[0];
    const anchorStart = first ? first.span.start : def.startIndex;
    const firstStmt = body2?.namedChildren.find((c2) => c2 && c2.type !== "comment");
    const supers = def.childForFieldName("superclasses");
    const bases = [];
    if (supers) {
      for (const s of supers.namedChildren) if (s && s.type !== "keyword_argument" && s.type !== "comment") bases.push(this.value(s));
    }
    const cls = {
      name: name2,
      qualName: outer ? `${outer.qualName}::${name2}` : name2,
      anchor: this.spanRange(anchorStart, this.lineEnd(def.startIndex)),
      whole: this.spanRange(anchorStart, def.endIndex),
      indent: this.indentAt(def.startIndex),
      bodyIndent: firstStmt ? this.indentAt(firstStmt.startIndex) : this.indentAt(def.startIndex) + "    ",
      bodyStart: firstStmt ? this.lineStarts[lineOf(this.lineStarts, firstStmt.startIndex) - 1] : def.endIndex,
      decorators,
      ownMarks: [],
      bases,
      hasInit: false,
      methods: [],
      classes: [],
      fixtures: [],
      collected: false
    };
    if (outer) cls.outer = outer;
    const bodyMarks = [];
    if (body2) {
      for (const stmt of this.statements(body2, false)) {
        let target = stmt;
        let dec = null;
        if (stmt.type === "decorated_definition") {
          dec = stmt;
          target = stmt.childForFieldName("definition") ?? stmt;
        }
        if (target.type === "function_definition") {
          const f = this.func(target, dec, cls);
          if (f.name === "__init__") cls.hasInit = true;
          cls.methods.push(f);
          const fx = this.fixture(f, file, cls);
          if (fx) cls.fixtures.push(fx);
        } else if (target.type === "class_definition") {
          cls.classes.push(this.classDef(target, dec, file, cls, modulePrefix));
        } else {
          const asg = this.assignmentOf(stmt);
          if (asg && asg.left.type === "identifier" && asg.left.text === "pytestmark") {
            const v = this.value(asg.right);
            cls.pytestmark = { span: this.span(stmt), value: v };
            bodyMarks.length = 0;
            bodyMarks.push(...this.marksOfPytestmark(v));
          }
        }
      }
    }
    const decoratorMarks = [];
    for (let i2 = decorators.length - 1; i2 >= 0; i2--) {
      const d = decorators[i2];
      const m = this.markOf(d.value, "decorator", d.span);
      if (m) decoratorMarks.push(m);
    }
    cls.ownMarks = [...bodyMarks, ...decoratorMarks];
    cls.collected = this.collect.isTestClass(name2) && !cls.hasInit && (!outer || outer.collected);
    return cls;
  }
  /** `item.add_marker(<mark>)` calls in a hook, with marks bound to local names resolved. */
  hookMarks(fn, hook) {
    const out2 = [];
    for (const call of fn.facts.calls) {
      if (!call.callee.endsWith(".add_marker")) continue;
      let arg = call.value.items?.[0] ?? call.value.kwargs?.get("marker");
      if (!arg) continue;
      if (arg.kind === "name") {
        const local = [...fn.facts.calls].reverse().find((c2) => c2.boundTo === arg.text && c2.span.start < call.span.start);
        if (local) arg = local.value;
      }
      const mark = this.markOf(arg, "add_marker");
      if (!mark) continue;
      const append = call.value.kwargs?.get("append");
      out2.push({ mark, append: !(append && append.text === "False"), hook, call });
    }
    return out2;
  }
  syntaxErrors(tree) {
    const out2 = [];
    if (!tree.rootNode.hasError) return out2;
    const stack = [tree.rootNode];
    while (stack.length && out2.length < 50) {
      const n = stack.pop();
      if (n.type === "ERROR" || n.isMissing) {
        out2.push(this.span(n));
        continue;
      }
      if (!n.hasError) continue;
      const kids = n.children;
      for (let i2 = kids.length - 1; i2 >= 0; i2--) {
        const k = kids[i2];
        if (k) stack.push(k);
      }
    }
    return out2.sort((a, b) => a.start - b.start);
  }
  file(tree, kind, exactText) {
    const root = tree.rootNode;
    const file = newPyFile({
      path: this.path,
      text: this.text,
      exactText,
      kind,
      imports: this.imports,
      syntaxErrors: this.syntaxErrors(tree),
      lineStarts: this.lineStarts
    });
    const stmts = [...this.statements(root, true)];
    for (const s of stmts) {
      if (s.type === "import_statement" || s.type === "import_from_statement") {
        this.readImports(s);
        if (s.parent?.id === root.id) this.imports.insertAt = Math.max(this.imports.insertAt, this.lineEnd(s.endIndex));
      }
      if (s.type === "future_import_statement" && s.parent?.id === root.id) {
        this.imports.insertAt = Math.max(this.imports.insertAt, this.lineEnd(s.endIndex));
      }
    }
    for (const s of stmts) {
      const asg = this.assignmentOf(s);
      if (asg && asg.left.type === "identifier" && asg.left.text !== "pytestmark") {
        const q = asg.right.type === "call" ? this.qual(asg.right.childForFieldName("function")) : this.qual(asg.right);
        if (q && /^pytest\.mark\./.test(q)) this.markVars.set(asg.left.text, asg.right);
        if (q === "contextvars.ContextVar") this.contextVars.add(asg.left.text);
      }
    }
    for (const s of stmts) {
      let target = s;
      let dec = null;
      if (s.type === "decorated_definition") {
        dec = s;
        target = s.childForFieldName("definition") ?? s;
      }
      if (target.type === "function_definition") {
        const f = this.func(target, dec, void 0);
        file.functions.push(f);
        const fx = this.fixture(f, file, void 0);
        if (fx) file.fixtures.push(fx);
        else if (f.name.startsWith("pytest_")) file.hooks.set(f.name, f);
        if (!fx && kind === "test" && this.collect.isTestFunction(f.name)) {
          file.tests.push({ name: f.name, func: f, file, nodeid: `${this.path}::${f.name}` });
        }
      } else if (target.type === "class_definition") {
        const cls = this.classDef(target, dec, file, void 0, this.path);
        file.classes.push(cls);
      } else {
        const asg = this.assignmentOf(s);
        if (asg && asg.left.type === "identifier") {
          if (asg.left.text === "pytestmark") {
            const v = this.value(asg.right);
            file.pytestmark = { span: this.span(s), value: v };
            file.moduleMarks = this.marksOfPytestmark(v);
          } else if (asg.left.text === "pytest_plugins") {
            const v = this.value(asg.right);
            const names = v.kind === "str" ? [v.str ?? ""] : (v.items ?? []).map((i2) => i2.str ?? "").filter(Boolean);
            file.pytestPlugins = { names, span: this.span(s) };
          }
        }
      }
    }
    for (const name2 of ["pytest_collection_modifyitems", "pytest_itemcollected"]) {
      const hook = file.hooks.get(name2);
      if (hook) file.hookMarks.push(...this.hookMarks(hook, name2));
    }
    const visit = (cls) => {
      file.fixtures.push(...cls.fixtures);
      if (kind === "test" && cls.collected) {
        const seen = /* @__PURE__ */ new Set();
        const chain = [cls];
        for (let i2 = 0; i2 < chain.length; i2++) {
          for (const b of chain[i2].bases) {
            const base = b.kind === "name" ? file.classes.find((c2) => c2.name === b.text) : void 0;
            if (base && !chain.includes(base)) chain.push(base);
          }
        }
        for (const owner of chain) {
          for (const m of owner.methods) {
            if (seen.has(m.name)) continue;
            seen.add(m.name);
            if (!this.collect.isTestFunction(m.name)) continue;
            if (owner.fixtures.some((fx) => fx.func === m)) continue;
            file.tests.push({ name: m.name, func: m, file, cls, nodeid: `${this.path}::${cls.qualName}::${m.name}` });
          }
        }
      }
      for (const inner of cls.classes) visit(inner);
    };
    for (const cls of file.classes) visit(cls);
    return file;
  }
};
var INTERESTING_ROOTS = /^(asyncio|anyio|trio|contextvars|pytest|pytest_asyncio|pytest_trio|hypothesis|sniffio|uvloop|request|loop|event_loop)(\.|$)/;
var INTERESTING_METHODS = /* @__PURE__ */ new Set([
  "add_marker",
  "getfixturevalue",
  "run_until_complete",
  "run_forever",
  "run",
  "close",
  "stop",
  "set",
  "reset",
  "get",
  "start_soon",
  "start",
  "create_task",
  "cancel",
  "call_soon",
  "call_later",
  "run_in_executor",
  "set_event_loop",
  "get_event_loop",
  "new_event_loop",
  "get_running_loop",
  "fail_after",
  "move_on_after",
  "open_nursery",
  "create_task_group",
  "parametrize",
  "param"
]);
function emptyFacts() {
  return { calls: [], yields: [], assigned: /* @__PURE__ */ new Set(), hasAwait: false, methodCalls: [] };
}
function identifiersIn(n) {
  if (n.type === "identifier") return [n.text];
  const out2 = [];
  for (const c2 of n.namedChildren) if (c2) out2.push(...identifiersIn(c2));
  return out2;
}
function decodeEscape(s) {
  switch (s) {
    case "\\n":
      return "\n";
    case "\\t":
      return "	";
    case "\\\\":
      return "\\";
    case "\\'":
      return "'";
    case '\\"':
      return '"';
    default:
      return s;
  }
}
function extractFile(path6, text, tree, kind, exactText = true, collect = DEFAULT_COLLECT) {
  return new Extractor(path6, text, collect).file(tree, kind, exactText);
}
function allFunctions(file) {
  const out2 = [...file.functions];
  const visit = (c2) => {
    out2.push(...c2.methods);
    c2.classes.forEach(visit);
  };
  file.classes.forEach(visit);
  return out2;
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i2 = line - 1; i2 <= line + 1; i2++) {
    let l = lines[i2 - 1];
    if (!l)
      continue;
    codeblock += i2.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i2 === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c2 = ctx.s.charCodeAt(ctx.p++);
  let first = c2;
  let isLiteral = c2 === 39;
  let isMultiline = c2 === ctx.s.charCodeAt(ctx.p) && c2 === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c2 = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c2 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c2 = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c2 === 10 || c2 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c2 < 32 && c2 !== 9 || c2 === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c2 === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c2 === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c2 === 120 || c2 === 117 || c2 === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c2 === 120 ? 2 : c2 === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c2 === 32 || c2 === 9)) {
        state = 2;
      } else {
        if (c2 === 98)
          parsed += "\b";
        else if (c2 === 116)
          parsed += "	";
        else if (c2 === 110)
          parsed += "\n";
        else if (c2 === 102)
          parsed += "\f";
        else if (c2 === 114)
          parsed += "\r";
        else if (c2 === 101)
          parsed += "\x1B";
        else if (c2 === 34)
          parsed += '"';
        else if (c2 === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c2 !== 32 && c2 !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c2 === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c2;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c2 = date.charCodeAt(date.length - 1)) !== 90 && c2 !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c2 = ctx.s.charCodeAt(ctx.p);
  if (c2 === 91 || c2 === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c2 === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c2 === 34 || c2 === 39) {
    return parseString(ctx);
  }
  if (c2 === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c2 === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c2 === 43 || c2 === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c2, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c2, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c2, end);
  }
  return parseNumber(ctx, ctx.p, c2, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c2 = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c2 === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c2 === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c2 === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c2 = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c2 === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c2 === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c2 === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c2 === 46)
      state = 2;
    else if (c2 === 101 || c2 === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c2))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c2 = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c2, endChr))) {
    if (!state)
      state = 1;
    if (c2 === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c2 === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c2 === 101 || c2 === 69))
      state = 4;
    else if (state === 4 && (c2 === 43 || c2 === 45)) {
      state = 6;
    } else if (!isDigit(c2))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c2, underscore = 1;
  while (++ctx.p < ctx.s.length && (c2 = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c2, endChr))) {
    if (c2 === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c2, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c2, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c2) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c2, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c2 = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c2 !== 84 && c2 !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c2 = ctx.s.charCodeAt(ctx.p)) {
    if (c2 === 90 || c2 === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c2 === 43 || c2 === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c2, endChr) {
  let start2 = ctx.p;
  if (!isDigit(c2) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c2, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start2, ctx.p);
  return readDate(ctx, t, 4, false, start2);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c2 = ctx.s.charCodeAt(ctx.p);
    if (c2 === 10)
      break;
    if (c2 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c2 < 32 && c2 !== 9 || c2 === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c2;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c2 = ctx.s.charCodeAt(ctx.p)) === 32 || c2 === 9 || !banNewLines && (c2 === 10 || c2 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c2 !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c2 = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c2 === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c2 === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c2 === 34 || c2 === 39)) {
      if (c2 === ctx.s.charCodeAt(ctx.p + 1) && c2 === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c2 === 32 || c2 === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c2 < 48 && c2 !== 45 || c2 > 57 && c2 < 65 || c2 > 90 && c2 < 97 && c2 !== 95 || c2 > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c2 = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c2;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c2 = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key2 = parseKey(ctx);
    for (let i2 = 0; i2 < key2.length; i2++) {
      if (i2)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key2[i2];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c2 = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c2 !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c2;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c2 = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c2 = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c2 !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key2, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i2 = 0; i2 < key2.length; i2++) {
    if (i2) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key2[i2];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i2 < key2.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/model/config.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// src/util/multimap.ts
function pushTo(map, key2, value) {
  const list = map.get(key2);
  if (list) list.push(value);
  else map.set(key2, [value]);
}

// src/model/config.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
    for (let i2 = 0; i2 < text.length; i2++) {
      const c2 = text.charCodeAt(i2);
      if (c2 === 10) this.starts.push(i2 + 1);
      else if (c2 === 13) {
        if (text.charCodeAt(i2 + 1) === 10) i2++;
        this.starts.push(i2 + 1);
      }
    }
  }
  text;
  starts = [0];
  /** 1-based line of an offset. */
  line(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  lineStart(line) {
    return this.starts[line - 1] ?? this.text.length;
  }
  get lineCount() {
    return this.starts.length;
  }
  span(start2, end) {
    const line = this.line(start2);
    return {
      start: start2,
      end,
      line,
      endLine: this.line(Math.max(start2, end - 1)),
      col: start2 - this.lineStart(line) + 1
    };
  }
};
function afterLineBreak(text, offset) {
  let i2 = offset;
  while (i2 < text.length && text[i2] !== "\n" && text[i2] !== "\r") i2++;
  if (text[i2] === "\r" && text[i2 + 1] === "\n") return i2 + 2;
  if (i2 < text.length) return i2 + 1;
  return i2;
}
function detectLineEnding(text) {
  const i2 = text.indexOf("\n");
  return i2 > 0 && text[i2 - 1] === "\r" ? "\r\n" : "\n";
}
function splitLines(text) {
  const out2 = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  let m;
  while (m = re.exec(text)) {
    out2.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  if (last < text.length) out2.push({ text: text.slice(last), start: last });
  return out2;
}
var isCommentLine = (line) => /^\s*[#;]/.test(line);
function parseIni(text) {
  const idx = new LineIndex(text);
  const sections = [];
  const byName = /* @__PURE__ */ new Map();
  const problems = [];
  const dups = /* @__PURE__ */ new Map();
  let current = null;
  let last = null;
  const continuation = (ln, lineNo) => {
    if (!last) {
      problems.push({ line: lineNo, message: "unexpected value continuation" });
      return;
    }
    const stripped = ln.text.trim();
    const start2 = ln.start + (ln.text.length - ln.text.trimStart().length);
    last.pieces.push({ text: stripped, start: start2 });
    last.value = last.pieces.map((p) => p.text).join("\n");
    const firstPiece = last.pieces[0];
    last.valueSpan = idx.span(firstPiece.start, start2 + stripped.length);
    last.span = idx.span(last.span.start, start2 + stripped.length);
  };
  splitLines(text).forEach((ln, i2) => {
    const lineNo = i2 + 1;
    if (isCommentLine(ln.text)) return;
    const line = ln.text.replace(/\s+$/, "");
    if (!line) return;
    if (line[0] === "[") {
      let body2 = line;
      for (const c2 of ["#", ";"]) body2 = body2.split(c2)[0].replace(/\s+$/, "");
      if (body2.endsWith("]")) {
        const name2 = body2.slice(1, -1);
        last = null;
        if (!name2) {
          problems.push({ line: lineNo, message: "empty section name" });
          current = null;
          return;
        }
        const existing = byName.get(name2);
        if (existing) {
          problems.push({ line: lineNo, message: `duplicate section '${name2}'` });
          current = existing;
          return;
        }
        current = { name: name2, header: idx.span(ln.start, ln.start + body2.length), entries: [] };
        sections.push(current);
        byName.set(name2, current);
        return;
      }
      continuation(ln, lineNo);
      return;
    }
    if (/\s/.test(line[0])) {
      continuation(ln, lineNo);
      return;
    }
    let sepAt = line.indexOf("=");
    let sep3 = "=";
    if (sepAt < 0 || line.slice(0, sepAt).includes(":")) {
      sepAt = line.indexOf(":");
      sep3 = ":";
    }
    if (sepAt < 0) {
      problems.push({ line: lineNo, message: `unexpected line: '${line}'` });
      last = null;
      return;
    }
    const rawKey = line.slice(0, sepAt);
    const key2 = rawKey.trim();
    const rawValue = line.slice(sepAt + 1);
    const value = rawValue.trim();
    const keyStart = ln.start + (rawKey.length - rawKey.trimStart().length);
    const valueStart = ln.start + sepAt + 1 + (rawValue.length - rawValue.trimStart().length);
    const entry = {
      key: key2,
      value,
      span: idx.span(keyStart, ln.start + line.length),
      keySpan: idx.span(keyStart, keyStart + key2.length),
      valueSpan: idx.span(valueStart, valueStart + value.length),
      separator: sep3,
      pieces: value ? [{ text: value, start: valueStart }] : [],
      duplicates: []
    };
    if (!current) {
      problems.push({ line: lineNo, message: "no section header defined" });
      last = null;
      return;
    }
    last = entry;
    const first = current.entries.find((e) => e.key === key2);
    if (first) {
      problems.push({ line: lineNo, message: `duplicate name '${key2}'` });
      pushTo(dups, first, entry);
      return;
    }
    ;
    current.entries.push(entry);
  });
  for (const [entry, later] of dups) entry.duplicates = later.map((e) => e.span);
  return { sections, problems, lineEnding: detectLineEnding(text) };
}
var BARE_KEY = /[A-Za-z0-9_-]/;
function decodeBasicString(s) {
  return s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)/g, (_m, e) => {
    switch (e[0]) {
      case "n":
        return "\n";
      case "t":
        return "	";
      case "r":
        return "\r";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "e":
        return "\x1B";
      case "u":
      case "U":
      case "x":
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return e;
    }
  });
}
var HEADER_LINE = /^\[\[?[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*\]\]?[ \t]*(?:#.*)?$/;
var KEY_LINE = /^[A-Za-z0-9_-]+[ \t]*=/;
function scanToml(text, opts = {}) {
  const idx = new LineIndex(text);
  const statements = [];
  const problems = [];
  const n = text.length;
  let pos = 0;
  let table = [];
  let arrayIndex = -1;
  const arrayCounts = /* @__PURE__ */ new Map();
  const skipToEol = (p) => {
    while (p < n && text[p] !== "\n" && text[p] !== "\r") p++;
    return p;
  };
  const skipWs = (p) => {
    while (p < n && (text[p] === " " || text[p] === "	")) p++;
    return p;
  };
  const parseKey2 = (p) => {
    const path6 = [];
    for (; ; ) {
      p = skipWs(p);
      const c2 = text[p];
      if (c2 === '"') {
        let q = p + 1;
        while (q < n && text[q] !== '"' && text[q] !== "\n") q += text[q] === "\\" ? 2 : 1;
        if (text[q] !== '"') return null;
        path6.push(decodeBasicString(text.slice(p + 1, q)));
        p = q + 1;
      } else if (c2 === "'") {
        const q = text.indexOf("'", p + 1);
        const eol = skipToEol(p);
        if (q < 0 || q > eol) return null;
        path6.push(text.slice(p + 1, q));
        p = q + 1;
      } else {
        const s = p;
        while (p < n && BARE_KEY.test(text[p])) p++;
        if (p === s) return null;
        path6.push(text.slice(s, p));
      }
      const after = skipWs(p);
      if (text[after] === ".") {
        p = after + 1;
        continue;
      }
      return { path: path6, end: p };
    }
  };
  const scanValue = (p) => {
    let depth = 0;
    let lastSig = p;
    let error;
    while (p < n) {
      const c2 = text[p];
      if (c2 === "\n" || c2 === "\r") {
        if (depth === 0) break;
        if (opts.recover) {
          const next = p + (c2 === "\r" && text[p + 1] === "\n" ? 2 : 1);
          const nextLine = text.slice(next, skipToEol(next));
          if (HEADER_LINE.test(nextLine) || KEY_LINE.test(nextLine)) {
            error = "unterminated array or inline table";
            break;
          }
        }
        p++;
        continue;
      }
      if (c2 === "#") {
        p = skipToEol(p);
        continue;
      }
      if (c2 === " " || c2 === "	" || depth > 0 && c2 === ",") {
        if (c2 === ",") lastSig = p + 1;
        p++;
        continue;
      }
      if (text.startsWith('"""', p) || text.startsWith("'''", p)) {
        const delim = text.slice(p, p + 3);
        let q = p + 3;
        let closed = -1;
        while (q < n) {
          if (delim === '"""' && text[q] === "\\") {
            q += 2;
            continue;
          }
          if (text.startsWith(delim, q)) {
            closed = q;
            break;
          }
          q++;
        }
        if (closed < 0) {
          error = "unterminated multi-line string";
          p = n;
          lastSig = n;
          break;
        }
        let end = closed + 3;
        let extra = 0;
        while (extra < 2 && text[end] === delim[0]) {
          end++;
          extra++;
        }
        p = end;
        lastSig = end;
        continue;
      }
      if (c2 === '"' || c2 === "'") {
        let q = p + 1;
        while (q < n && text[q] !== c2 && text[q] !== "\n" && text[q] !== "\r")
          q += c2 === '"' && text[q] === "\\" ? 2 : 1;
        if (text[q] === c2) {
          p = q + 1;
        } else {
          error = "unterminated string";
          p = q;
        }
        lastSig = p;
        continue;
      }
      if (c2 === "[" || c2 === "{") depth++;
      else if (c2 === "]" || c2 === "}") depth = Math.max(0, depth - 1);
      p++;
      lastSig = p;
    }
    if (depth > 0 && !error) error = "unterminated array or inline table";
    return error ? { end: lastSig, resume: p, error } : { end: lastSig, resume: p };
  };
  while (pos < n) {
    pos = skipWs(pos);
    if (pos >= n) break;
    const c2 = text[pos];
    if (c2 === "\n" || c2 === "\r") {
      pos++;
      continue;
    }
    if (c2 === "#") {
      pos = skipToEol(pos);
      continue;
    }
    const line = idx.line(pos);
    if (c2 === "[") {
      const array = text[pos + 1] === "[";
      const key3 = parseKey2(pos + (array ? 2 : 1));
      let end = key3 ? skipWs(key3.end) : -1;
      const close = array ? "]]" : "]";
      if (!key3 || !text.startsWith(close, end)) {
        problems.push({ line, message: "malformed table header" });
        pos = skipToEol(pos);
        continue;
      }
      end += close.length;
      statements.push({ kind: "header", path: key3.path, array, span: idx.span(pos, end) });
      table = key3.path;
      if (array) {
        const k = key3.path.join("\0");
        arrayIndex = arrayCounts.get(k) ?? 0;
        arrayCounts.set(k, arrayIndex + 1);
      } else {
        arrayIndex = -1;
      }
      pos = skipToEol(end);
      continue;
    }
    const key2 = parseKey2(pos);
    const eq = key2 ? skipWs(key2.end) : -1;
    if (!key2 || text[eq] !== "=") {
      problems.push({ line, message: "expected a key = value statement" });
      pos = skipToEol(pos);
      continue;
    }
    const vStart = skipWs(eq + 1);
    const v = scanValue(vStart);
    if (v.error) problems.push({ line, message: v.error });
    if (v.end === vStart) problems.push({ line, message: "missing value" });
    statements.push({
      kind: "kv",
      table,
      arrayIndex,
      keyPath: key2.path,
      span: idx.span(pos, Math.max(v.end, eq + 1)),
      keySpan: idx.span(pos, key2.end),
      valueSpan: idx.span(vStart, v.end),
      valueText: text.slice(vStart, v.end)
    });
    pos = v.resume;
  }
  return { statements, problems };
}
function parseTomlValue(valueText) {
  try {
    const doc = parse(`v = ${valueText}
`);
    return { ok: true, value: doc.v };
  } catch {
    return { ok: false };
  }
}
function readToml(text) {
  const problems = [];
  let data = null;
  try {
    data = parse(text);
  } catch (e) {
    const err2 = e;
    const msg = (err2.message ?? String(e)).split("\n")[0] ?? "invalid TOML";
    problems.push({ line: typeof err2.line === "number" ? err2.line : 1, message: msg });
  }
  const layout = scanToml(text, { recover: data === null });
  return { data, layout, problems };
}
function tomlStringItems(valueText, valueStart) {
  const out2 = [];
  let p = 0;
  let braces = 0;
  const n = valueText.length;
  while (p < n) {
    const c2 = valueText[p];
    if (c2 === "{") braces++;
    else if (c2 === "}") braces = Math.max(0, braces - 1);
    if (c2 === "#") {
      while (p < n && valueText[p] !== "\n") p++;
      continue;
    }
    if (valueText.startsWith('"""', p) || valueText.startsWith("'''", p)) {
      const delim = valueText.slice(p, p + 3);
      let q = p + 3;
      while (q < n && !valueText.startsWith(delim, q))
        q += delim === '"""' && valueText[q] === "\\" ? 2 : 1;
      let body2 = valueText.slice(p + 3, q);
      if (body2.startsWith("\n")) body2 = body2.slice(1);
      else if (body2.startsWith("\r\n")) body2 = body2.slice(2);
      out2.push({
        value: delim === '"""' ? decodeBasicString(body2) : body2,
        start: valueStart + p,
        end: valueStart + q + 3,
        inTable: braces > 0
      });
      p = q + 3;
      continue;
    }
    if (c2 === '"' || c2 === "'") {
      let q = p + 1;
      while (q < n && valueText[q] !== c2 && valueText[q] !== "\n")
        q += c2 === '"' && valueText[q] === "\\" ? 2 : 1;
      const body2 = valueText.slice(p + 1, q);
      out2.push({
        value: c2 === '"' ? decodeBasicString(body2) : body2,
        start: valueStart + p,
        end: valueStart + q + 1,
        inTable: braces > 0
      });
      p = q + 1;
      continue;
    }
    p++;
  }
  return out2;
}
function tomlGet(data, path6) {
  let cur = data;
  for (const k of path6) {
    if (!cur || typeof cur !== "object" || Array.isArray(cur)) return void 0;
    cur = cur[k];
  }
  return cur;
}
var samePath = (a, b) => a.length === b.length && a.every((x, i2) => x === b[i2]);
var CONFIG_NAMES = [
  "pytest.toml",
  ".pytest.toml",
  "pytest.ini",
  ".pytest.ini",
  "pyproject.toml",
  "tox.ini",
  "setup.cfg"
];
var joinPath = (dir, name2) => dir ? `${dir}/${name2}` : name2;
var dirOf = (p) => {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
};
var normDir = (d) => {
  const parts2 = [];
  for (const seg of d.replace(/\\/g, "/").split("/")) {
    if (!seg || seg === ".") continue;
    if (seg === "..") parts2.pop();
    else parts2.push(seg);
  }
  return parts2.join("/");
};
function commonAncestor(dirs) {
  if (!dirs.length) return "";
  let parts2 = normDir(dirs[0]).split("/").filter(Boolean);
  for (const d of dirs.slice(1)) {
    const other = normDir(d).split("/").filter(Boolean);
    let i2 = 0;
    while (i2 < parts2.length && i2 < other.length && parts2[i2] === other[i2]) i2++;
    parts2 = parts2.slice(0, i2);
  }
  return parts2.join("/");
}
function upwards(dir) {
  const out2 = [];
  let d = dir;
  for (; ; ) {
    out2.push(d);
    if (!d) break;
    d = dirOf(d);
  }
  return out2;
}
function emptyConfig(rootdir, ancestor, reason) {
  return {
    path: null,
    name: null,
    syntax: null,
    mode: "ini",
    rootdir,
    rootdirReason: reason,
    section: null,
    options: /* @__PURE__ */ new Map(),
    text: null,
    lineEnding: "\n",
    problems: [],
    unparsable: false,
    ignoredFiles: [],
    ancestor,
    minPytest: null
  };
}
function toProblems(path6, ps) {
  return ps.map((p) => ({ path: path6, line: p.line, message: p.message }));
}
function loadIniCandidate(path6, name2, text, base) {
  const doc = parseIni(text);
  const cfg = {
    ...base,
    path: path6,
    name: name2,
    syntax: "ini",
    mode: "ini",
    text,
    lineEnding: doc.lineEnding,
    problems: toProblems(path6, doc.problems),
    unparsable: doc.problems.length > 0
  };
  const take = (sectionName) => {
    const s = doc.sections.find((x) => x.name === sectionName);
    if (!s) return false;
    cfg.section = { name: sectionName, header: s.header };
    for (const e of s.entries)
      cfg.options.set(e.key, {
        key: e.key,
        value: e.value,
        mode: "ini",
        span: e.span,
        keySpan: e.keySpan,
        valueSpan: e.valueSpan,
        quote: null,
        duplicates: e.duplicates,
        pieces: e.pieces
      });
    return true;
  };
  if (name2 === "setup.cfg") {
    if (take("tool:pytest")) return { matched: true, cfg };
    const plain = doc.sections.find((x) => x.name === "pytest");
    if (plain)
      cfg.problems.push({
        path: path6,
        line: plain.header.line,
        message: "[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead."
      });
    return { matched: false, cfg };
  }
  if (take("pytest")) return { matched: true, cfg };
  return { matched: name2 === "pytest.ini" || name2 === ".pytest.ini", cfg };
}
function tomlQuote(valueText) {
  if (valueText.startsWith('"""')) return '"""';
  if (valueText.startsWith("'''")) return "'''";
  if (valueText.startsWith('"')) return '"';
  if (valueText.startsWith("'")) return "'";
  return null;
}
function tomlPieces(stmt) {
  const t = stmt.valueText;
  const start2 = stmt.valueSpan.start;
  const q = tomlQuote(t);
  if (q === "'" || q === '"' && !t.includes("\\")) {
    return [{ text: t.slice(1, -1), start: start2 + 1 }];
  }
  if (t.startsWith("[")) {
    return tomlStringItems(t, start2).filter((it) => {
      const raw = text(it);
      return raw.startsWith("'") ? !raw.startsWith("'''") : !raw.includes("\\") && !raw.startsWith('"""');
    }).map((it) => ({ text: it.value, start: it.start + 1 }));
  }
  return [];
  function text(it) {
    return t.slice(it.start - start2, it.end - start2);
  }
}
function pyStr(v) {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}
function loadTomlCandidate(path6, name2, text, base, native9) {
  const doc = readToml(text);
  const cfg = {
    ...base,
    path: path6,
    name: name2,
    syntax: "toml",
    mode: "toml",
    text,
    lineEnding: detectLineEnding(text),
    problems: toProblems(path6, doc.problems),
    unparsable: doc.problems.length > 0
  };
  const kvs = doc.layout.statements.filter((s) => s.kind === "kv");
  const headers = doc.layout.statements.filter((s) => s.kind === "header");
  const readTable = (tp, mode) => {
    const out2 = /* @__PURE__ */ new Map();
    const tableData = doc.data ? tomlGet(doc.data, tp) : void 0;
    for (const s of kvs) {
      const full = [...s.table, ...s.keyPath];
      if (full.length !== tp.length + 1 || !samePath(full.slice(0, tp.length), tp)) continue;
      const key2 = full[full.length - 1];
      const prior = out2.get(key2);
      if (prior) {
        prior.duplicates.push(s.span);
        continue;
      }
      let value;
      if (tableData && typeof tableData === "object")
        value = tableData[key2];
      else {
        const v = parseTomlValue(s.valueText);
        if (!v.ok) {
          cfg.problems.push({
            path: path6,
            line: s.span.line,
            message: `could not read the value of '${key2}'`
          });
          continue;
        }
        value = v.value;
      }
      if (mode === "ini" && !Array.isArray(value)) value = pyStr(value);
      out2.set(key2, {
        key: key2,
        value,
        mode,
        span: s.span,
        keySpan: s.keySpan,
        valueSpan: s.valueSpan,
        quote: tomlQuote(s.valueText),
        duplicates: [],
        pieces: tomlPieces(s),
        writtenKeyPath: s.keyPath
      });
    }
    if (tableData && typeof tableData === "object" && !Array.isArray(tableData)) {
      const holder = kvs.find((s) => {
        const full = [...s.table, ...s.keyPath];
        return samePath(full, tp);
      });
      for (const [k, v] of Object.entries(tableData)) {
        if (out2.has(k) || !holder) continue;
        out2.set(k, {
          key: k,
          value: mode === "ini" && !Array.isArray(v) ? pyStr(v) : v,
          mode,
          span: holder.span,
          keySpan: holder.keySpan,
          valueSpan: holder.valueSpan,
          quote: null,
          duplicates: [],
          pieces: []
        });
      }
    }
    return out2;
  };
  const tablePresent = (tp) => {
    if (doc.data) {
      const v = tomlGet(doc.data, tp);
      return v !== void 0 && typeof v === "object" && v !== null && !Array.isArray(v);
    }
    return headers.some((h) => samePath(h.path, tp)) || kvs.some((s) => {
      const full = [...s.table, ...s.keyPath];
      return full.length > tp.length && samePath(full.slice(0, tp.length), tp);
    });
  };
  const setSection = (tp, mode) => {
    const header = headers.find((h) => !h.array && samePath(h.path, tp));
    cfg.section = { name: tp.join("."), header: header ? header.span : null, tablePath: tp };
    cfg.mode = mode;
    cfg.options = readTable(tp, mode);
  };
  if (name2 === "pytest.toml" || name2 === ".pytest.toml") {
    if (tablePresent(["pytest"])) setSection(["pytest"], "toml");
    cfg.minPytest = "9.0";
    return { matched: true, cfg };
  }
  const native = native9 ? readTable(["tool", "pytest"], "toml") : /* @__PURE__ */ new Map();
  native.delete("ini_options");
  const hasIni = tablePresent(["tool", "pytest", "ini_options"]);
  if (native.size > 0 && hasIni && readTable(["tool", "pytest", "ini_options"], "ini").size > 0) {
    const h = headers.find((x) => samePath(x.path, ["tool", "pytest", "ini_options"]));
    cfg.problems.push({
      path: path6,
      line: h?.span.line ?? 1,
      message: "Cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options] (string-based INI format) simultaneously."
    });
  }
  if (native.size > 0) {
    setSection(["tool", "pytest"], "toml");
    cfg.options = native;
    cfg.minPytest = "9.0";
    return { matched: true, cfg };
  }
  if (hasIni) {
    setSection(["tool", "pytest", "ini_options"], "ini");
    return { matched: true, cfg };
  }
  if (!doc.data && headers.some((h) => h.path[0] === "tool" && h.path[1] === "pytest")) {
    const tp = headers.find((h) => h.path[0] === "tool" && h.path[1] === "pytest")?.path ?? [
      "tool",
      "pytest"
    ];
    const iniMode = tp[2] === "ini_options";
    setSection(
      iniMode ? ["tool", "pytest", "ini_options"] : ["tool", "pytest"],
      iniMode ? "ini" : "toml"
    );
    return { matched: true, cfg };
  }
  cfg.mode = "ini";
  return { matched: false, cfg };
}
function loadCandidate(fs2, dir, name2, base, pytest9 = true) {
  if (!pytest9 && (name2 === "pytest.toml" || name2 === ".pytest.toml")) return null;
  const path6 = joinPath(dir, name2);
  if (!fs2.exists(path6)) return null;
  const text = fs2.read(path6);
  if (text === null) return null;
  const b = {
    ...base,
    options: /* @__PURE__ */ new Map(),
    problems: [],
    ignoredFiles: [],
    rootdir: dir
  };
  return name2.endsWith(".toml") ? loadTomlCandidate(path6, name2, text, b, pytest9) : loadIniCandidate(path6, name2, text, b);
}
function versionAtLeast(v, major, minor) {
  const m = v ? /^\s*v?(\d+)(?:\.(\d+))?/.exec(v) : null;
  if (!m) return true;
  const ma = Number(m[1]);
  const mi = Number(m[2] ?? 0);
  return ma > major || ma === major && mi >= minor;
}
function findPytestConfig(fs2, startDirs, opts = {}) {
  const dirs = (startDirs.length ? startDirs : [""]).map((d) => {
    const n = normDir(d);
    return /\.py$/.test(n) && fs2.exists(n) ? dirOf(n) : n;
  });
  const ancestor = commonAncestor(dirs);
  const base = emptyConfig(ancestor, ancestor, "ancestor");
  const seenProblems = [];
  const pytest9 = versionAtLeast(opts.pytestVersion, 9, 0);
  const pytest81 = versionAtLeast(opts.pytestVersion, 8, 1);
  const locate2 = (starts) => {
    let pyproject = null;
    for (const start2 of starts) {
      for (const dir of upwards(start2)) {
        for (let i2 = 0; i2 < CONFIG_NAMES.length; i2++) {
          const name2 = CONFIG_NAMES[i2];
          const cand = loadCandidate(fs2, dir, name2, base, pytest9);
          if (!cand) continue;
          if (name2 === "pyproject.toml" && !pyproject) pyproject = cand.cfg;
          if (!cand.matched) {
            seenProblems.push(...cand.cfg.problems);
            continue;
          }
          const cfg = cand.cfg;
          cfg.rootdir = dir;
          cfg.rootdirReason = "configfile";
          for (const other of CONFIG_NAMES.slice(i2 + 1)) {
            const o = loadCandidate(fs2, dir, other, base, pytest9);
            if (o?.matched) cfg.ignoredFiles.push(joinPath(dir, other));
          }
          return { found: cfg, pyproject };
        }
      }
    }
    return { found: null, pyproject };
  };
  const first = locate2([ancestor]);
  let result = first.found;
  if (!result && first.pyproject && pytest81) {
    const p = first.pyproject;
    result = {
      ...p,
      rootdir: dirOf(p.path),
      rootdirReason: "pyproject-fallback",
      section: null,
      options: /* @__PURE__ */ new Map(),
      mode: "ini",
      minPytest: "8.1"
    };
  }
  if (!result) {
    const setupDir = upwards(ancestor).find((d) => fs2.exists(joinPath(d, "setup.py")));
    if (setupDir !== void 0) result = emptyConfig(setupDir, ancestor, "setup.py");
  }
  if (!result && (dirs.length !== 1 || dirs[0] !== ancestor)) {
    const second = locate2(dirs);
    if (second.found) result = second.found;
  }
  if (!result)
    result = emptyConfig(commonAncestor([opts.invocationDir ?? "", ancestor]), ancestor, "ancestor");
  result.ancestor = ancestor;
  for (const p of seenProblems)
    if (!result.problems.some(
      (q) => q.path === p.path && q.line === p.line && q.message === p.message
    ))
      result.problems.push(p);
  return result;
}
function optionString(opt) {
  if (!opt) return null;
  if (typeof opt.value === "string") return opt.value;
  if (Array.isArray(opt.value)) return opt.value.map(pyStr).join(" ");
  if (typeof opt.value === "boolean") return opt.value ? "true" : "false";
  return pyStr(opt.value);
}
function optionArgs(opt) {
  if (!opt) return { args: [], error: null };
  if (Array.isArray(opt.value)) return { args: opt.value.map(pyStr), error: null };
  const r = shlexSplit(optionString(opt) ?? "");
  return { args: r.tokens.map((t) => t.text), error: r.error };
}
function optionLines(opt) {
  if (!opt) return [];
  if (Array.isArray(opt.value)) return opt.value.map(pyStr);
  return (optionString(opt) ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
}
function strToBool(v) {
  const s = v.trim().toLowerCase();
  if (["y", "yes", "t", "true", "on", "1"].includes(s)) return true;
  if (["n", "no", "f", "false", "off", "0"].includes(s)) return false;
  return null;
}
function optionBool(opt) {
  if (!opt) return null;
  if (typeof opt.value === "boolean") return opt.value;
  return strToBool(optionString(opt) ?? "");
}
function shlexSplit(s) {
  const tokens = [];
  const WS = " 	\r\n";
  let i2 = 0;
  const n = s.length;
  while (i2 < n) {
    while (i2 < n && WS.includes(s[i2])) i2++;
    if (i2 >= n) break;
    const start2 = i2;
    let tok = "";
    while (i2 < n && !WS.includes(s[i2])) {
      const c2 = s[i2];
      if (c2 === "\\") {
        if (i2 + 1 >= n) return { tokens, error: "No escaped character" };
        tok += s[i2 + 1];
        i2 += 2;
      } else if (c2 === "'") {
        const close = s.indexOf("'", i2 + 1);
        if (close < 0) return { tokens, error: "No closing quotation" };
        tok += s.slice(i2 + 1, close);
        i2 = close + 1;
      } else if (c2 === '"') {
        i2++;
        let closed = false;
        while (i2 < n) {
          const d = s[i2];
          if (d === '"') {
            closed = true;
            i2++;
            break;
          }
          if (d === "\\" && i2 + 1 < n && (s[i2 + 1] === '"' || s[i2 + 1] === "\\")) {
            tok += s[i2 + 1];
            i2 += 2;
            continue;
          }
          tok += d;
          i2++;
        }
        if (!closed) return { tokens, error: "No closing quotation" };
      } else {
        tok += c2;
        i2++;
      }
    }
    tokens.push({ text: tok, start: start2, end: i2 });
  }
  return { tokens, error: null };
}
function addoptsArgs(cfg) {
  const opt = cfg.options.get("addopts");
  if (!opt) return { args: [], problems: [] };
  if (Array.isArray(opt.value)) {
    const items = opt.value.map(pyStr);
    let pi = 0;
    const args3 = items.map((text, index) => {
      let start2 = null;
      let end = null;
      for (let k = pi; k < opt.pieces.length; k++) {
        const p = opt.pieces[k];
        if (p.text === text) {
          start2 = p.start - (cfg.text?.[p.start - 1] === '"' || cfg.text?.[p.start - 1] === "'" ? 1 : 0);
          end = p.start + p.text.length + (start2 < p.start ? 1 : 0);
          pi = k + 1;
          break;
        }
      }
      return { text, index, start: start2, end, from: "addopts" };
    });
    return { args: args3, problems: [] };
  }
  const value = optionString(opt) ?? "";
  const map = [];
  const joined = opt.pieces.map((p) => p.text).join("\n");
  if (opt.pieces.length && joined === value) {
    opt.pieces.forEach((p, k) => {
      for (let j = 0; j < p.text.length; j++) map.push(p.start + j);
      if (k < opt.pieces.length - 1) map.push(null);
    });
  }
  const r = shlexSplit(value);
  const args2 = r.tokens.map((t, index) => {
    const s = map[t.start];
    const e = map[t.end - 1];
    return {
      text: t.text,
      index,
      start: typeof s === "number" ? s : null,
      end: typeof e === "number" ? e + 1 : null,
      from: "addopts"
    };
  });
  return { args: args2, problems: r.error ? [r.error] : [] };
}
function scanArgs(args2) {
  const out2 = {
    asyncioMode: null,
    anyioMode: null,
    asyncioDebug: null,
    plugins: [],
    overrides: [],
    strictMarkers: null,
    strictConfig: null,
    strict: null
  };
  for (let i2 = 0; i2 < args2.length; i2++) {
    const a = args2[i2];
    const t = a.text;
    const next = args2[i2 + 1];
    const longValue = (flag) => {
      if (t.startsWith(flag + "=")) return { value: t.slice(flag.length + 1), args: [a] };
      if (t === flag && next) {
        i2++;
        return { value: next.text, args: [a, next] };
      }
      return null;
    };
    if (t === "--asyncio-mode" || t.startsWith("--asyncio-mode=")) {
      const v = longValue("--asyncio-mode");
      if (v) out2.asyncioMode = v;
      continue;
    }
    if (t === "--anyio-mode" || t.startsWith("--anyio-mode=")) {
      const v = longValue("--anyio-mode");
      if (v) out2.anyioMode = v;
      continue;
    }
    if (t === "--asyncio-debug") {
      out2.asyncioDebug = [a];
      continue;
    }
    if (t === "--strict-markers") {
      out2.strictMarkers = [a];
      continue;
    }
    if (t === "--strict-config") {
      out2.strictConfig = [a];
      continue;
    }
    if (t === "--strict") {
      out2.strict = [a];
      continue;
    }
    if (t === "-p" || t.startsWith("-p") && !t.startsWith("--")) {
      let raw;
      let used;
      if (t === "-p") {
        if (!next) continue;
        raw = next.text;
        used = [a, next];
        i2++;
      } else {
        raw = t.slice(2);
        used = [a];
      }
      raw = raw.trim();
      const disabled = raw.startsWith("no:");
      out2.plugins.push({ name: disabled ? raw.slice(3) : raw, disabled, args: used });
      continue;
    }
    let ov = null;
    if (t === "-o" || t === "--override-ini") {
      if (next) {
        ov = { value: next.text, args: [a, next] };
        i2++;
      }
    } else if (t.startsWith("--override-ini="))
      ov = { value: t.slice("--override-ini=".length), args: [a] };
    else if (t.startsWith("-o") && !t.startsWith("--")) ov = { value: t.slice(2), args: [a] };
    if (ov) {
      const eq = ov.value.indexOf("=");
      if (eq > 0)
        out2.overrides.push({
          key: ov.value.slice(0, eq),
          value: ov.value.slice(eq + 1),
          args: ov.args,
          applied: a.from === "cli"
        });
    }
  }
  return out2;
}
function parseAddopts(cfg) {
  const { args: args2, problems } = addoptsArgs(cfg);
  return { args: args2, problems, ...scanArgs(args2) };
}
var DEFAULT_PYTHON_FILES = ["test_*.py", "*_test.py"];
var DEFAULT_PYTHON_CLASSES = ["Test"];
var DEFAULT_PYTHON_FUNCTIONS = ["test"];
var DEFAULT_NORECURSEDIRS = [
  "*.egg",
  ".*",
  "_darcs",
  "build",
  "CVS",
  "dist",
  "node_modules",
  "venv",
  "{arch}"
];
function getEffectiveSettings(cfg, opts = {}) {
  const addopts = parseAddopts(cfg);
  const addoptsOpt = cfg.options.get("addopts") ?? null;
  const problems = [];
  const path6 = cfg.path ?? "";
  for (const p of addopts.problems)
    problems.push({ path: path6, line: addoptsOpt?.span.line ?? 1, message: `addopts: ${p}` });
  const cliArgs = (opts.cliArgs ?? []).map((text, index) => ({
    text,
    index,
    start: null,
    end: null,
    from: "cli"
  }));
  const cli = scanArgs(cliArgs);
  const overrides = /* @__PURE__ */ new Map();
  for (const o of cli.overrides) overrides.set(o.key, o);
  const ini = (key2, read, dflt) => {
    const o = overrides.get(key2);
    if (o) {
      const fake = {
        key: key2,
        value: o.value,
        mode: "ini",
        span: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        keySpan: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        valueSpan: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        quote: null,
        duplicates: [],
        pieces: []
      };
      const v = read(fake);
      if (v !== null) return { value: v, origin: { kind: "override", args: o.args } };
    }
    const opt = cfg.options.get(key2);
    if (opt) {
      const v = read(opt);
      if (v !== null) return { value: v, origin: { kind: "ini", option: opt } };
    }
    return { value: dflt, origin: { kind: "default" } };
  };
  const boolReader = (key2) => (o) => {
    const b = optionBool(o);
    if (b === null)
      problems.push({
        path: path6,
        line: o.span.line,
        message: `${key2}: invalid truth value ${JSON.stringify(optionString(o))}`
      });
    return b;
  };
  const argsReader = (o) => {
    const r = optionArgs(o);
    if (r.error) problems.push({ path: path6, line: o.span.line, message: `${o.key}: ${r.error}` });
    return r.args;
  };
  const flagSetting = (cliFlag, addFlag, iniSetting) => {
    if (cliFlag) return { value: true, origin: { kind: "cli", option: null, args: cliFlag } };
    if (addFlag)
      return { value: true, origin: { kind: "addopts", option: addoptsOpt, args: addFlag } };
    return iniSetting;
  };
  const valueFlag = (cliV, addV, iniS) => {
    if (cliV) return { value: cliV.value, origin: { kind: "cli", option: null, args: cliV.args } };
    if (addV)
      return { value: addV.value, origin: { kind: "addopts", option: addoptsOpt, args: addV.args } };
    return iniS;
  };
  const pluginSetting = (names) => {
    let last = null;
    for (const f of addopts.plugins) if (names.includes(f.name)) last = { flag: f, from: "addopts" };
    for (const f of cli.plugins) if (names.includes(f.name)) last = { flag: f, from: "cli" };
    if (!last || !last.flag.disabled) return { value: false, origin: { kind: "default" } };
    return {
      value: true,
      origin: {
        kind: last.from,
        option: last.from === "addopts" ? addoptsOpt : null,
        args: last.flag.args
      }
    };
  };
  const strictIni = ini("strict", boolReader("strict"), false);
  const strictMarkersIni = ini("strict_markers", boolReader("strict_markers"), false);
  const strictConfigIni = ini("strict_config", boolReader("strict_config"), false);
  const pickStrict = (specific) => specific.origin.kind !== "default" ? specific : strictIni.value ? strictIni : specific;
  const markerLines = ini("markers", (o) => optionLines(o), []);
  return {
    asyncioMode: valueFlag(
      cli.asyncioMode,
      addopts.asyncioMode,
      ini("asyncio_mode", optionString, "strict")
    ),
    asyncioDefaultFixtureLoopScope: ini(
      "asyncio_default_fixture_loop_scope",
      optionString,
      null
    ),
    asyncioDefaultTestLoopScope: ini(
      "asyncio_default_test_loop_scope",
      optionString,
      null
    ),
    asyncioDebug: flagSetting(
      cli.asyncioDebug,
      addopts.asyncioDebug,
      ini("asyncio_debug", boolReader("asyncio_debug"), false)
    ),
    anyioMode: valueFlag(
      cli.anyioMode,
      addopts.anyioMode,
      ini("anyio_mode", optionString, "strict")
    ),
    trioMode: ini("trio_mode", boolReader("trio_mode"), false),
    asyncioDisabled: pluginSetting(["asyncio"]),
    anyioDisabled: pluginSetting(["anyio"]),
    trioDisabled: pluginSetting(["trio"]),
    explicitPlugins: [...addopts.plugins, ...cli.plugins].filter((p) => !p.disabled),
    testpaths: ini("testpaths", argsReader, []),
    pythonFiles: ini("python_files", argsReader, [...DEFAULT_PYTHON_FILES]),
    pythonClasses: ini("python_classes", argsReader, [...DEFAULT_PYTHON_CLASSES]),
    pythonFunctions: ini("python_functions", argsReader, [...DEFAULT_PYTHON_FUNCTIONS]),
    norecursedirs: ini("norecursedirs", argsReader, [...DEFAULT_NORECURSEDIRS]),
    strictMarkers: flagSetting(
      cli.strictMarkers ?? cli.strict,
      addopts.strictMarkers ?? addopts.strict,
      pickStrict(strictMarkersIni)
    ),
    strictConfig: flagSetting(cli.strictConfig, addopts.strictConfig, pickStrict(strictConfigIni)),
    markers: {
      value: markerLines.value.map(
        (l) => l.split(":", 1)[0].trimEnd().split("(", 1)[0]
      ),
      origin: markerLines.origin
    },
    addopts,
    ignoredOverrides: addopts.overrides.filter((o) => !o.applied),
    problems
  };
}
function tomlString(s, quote = '"') {
  if (quote === "'" && !s.includes("'") && !/[\n\r]/.test(s)) return `'${s}'`;
  return JSON.stringify(s);
}
function renderValue(cfg, value, quote = preferredQuote(cfg)) {
  if (cfg.syntax !== "toml") {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "string") return value;
    return value.join(" ");
  }
  if (typeof value === "boolean")
    return cfg.mode === "toml" ? String(value) : tomlString(String(value), quote);
  if (typeof value === "string") return tomlString(value, quote);
  return `[${value.map((v) => tomlString(v, quote)).join(", ")}]`;
}
function preferredQuote(cfg) {
  let single = 0;
  let double = 0;
  for (const o of cfg.options.values()) {
    if (o.quote === "'" || o.quote === "'''") single++;
    else if (o.quote === '"' || o.quote === '"""') double++;
  }
  return single > double ? "'" : '"';
}
function renderOptionLine(cfg, key2, value) {
  return `${key2} = ${renderValue(cfg, value)}`;
}
var configDir = (cfg) => cfg.rootdir;
function insertOptionEdit(cfg, key2, value) {
  const nl = cfg.lineEnding;
  if (!cfg.path || cfg.text === null) {
    return {
      path: joinPath(configDir(cfg), "pytest.ini"),
      start: 0,
      end: 0,
      text: `[pytest]${nl}${key2} = ${renderValue({ ...cfg, syntax: "ini" }, value)}${nl}`
    };
  }
  const text = cfg.text;
  const line = renderOptionLine(cfg, key2, value);
  if (cfg.section?.header) {
    const h = cfg.section.header;
    const after = afterLineBreak(text, h.end);
    const needsBreak = after === text.length && !/[\r\n]$/.test(text);
    let indent = "";
    if (cfg.syntax === "toml") {
      const first = [...cfg.options.values()].filter((o) => o.span.start > h.end).sort((a, b) => a.span.start - b.span.start)[0];
      if (first) {
        const ls = text.lastIndexOf("\n", first.span.start - 1) + 1;
        const ws = text.slice(ls, first.span.start);
        if (/^[ \t]*$/.test(ws)) indent = ws;
      }
    }
    return {
      path: cfg.path,
      start: after,
      end: after,
      text: `${needsBreak ? nl : ""}${indent}${line}${nl}`
    };
  }
  if (cfg.section && cfg.syntax === "toml") {
    const opts = [...cfg.options.values()].filter(
      (o) => o.writtenKeyPath && o.writtenKeyPath.length > 1
    );
    const lastOpt = opts.sort((a, b) => b.span.end - a.span.end)[0];
    if (!lastOpt || !lastOpt.writtenKeyPath) return null;
    const prefix = lastOpt.writtenKeyPath.slice(0, -1).map(tomlKey).join(".");
    const after = afterLineBreak(text, lastOpt.span.end);
    const needsBreak = after === text.length && !/[\r\n]$/.test(text);
    return {
      path: cfg.path,
      start: after,
      end: after,
      text: `${needsBreak ? nl : ""}${prefix}.${tomlKey(key2)} = ${renderValue(cfg, value)}${nl}`
    };
  }
  let header;
  let renderCfg = cfg;
  if (cfg.name === "pyproject.toml") {
    header = "[tool.pytest.ini_options]";
    renderCfg = { ...cfg, mode: "ini" };
  } else if (cfg.syntax === "toml") header = "[pytest]";
  else if (cfg.name === "setup.cfg") header = "[tool:pytest]";
  else header = "[pytest]";
  const lead = text.length === 0 ? "" : /(\r?\n){2}$/.test(text) ? "" : /\r?\n$/.test(text) ? nl : nl + nl;
  return {
    path: cfg.path,
    start: text.length,
    end: text.length,
    text: `${lead}${header}${nl}${key2} = ${renderValue(renderCfg, value)}${nl}`
  };
}
function tomlKey(k) {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
}
function replaceOptionValueEdit(cfg, key2, newValue) {
  const opt = cfg.options.get(key2);
  if (!opt || !cfg.path || cfg.text === null) return null;
  if (cfg.syntax === "toml" && opt.writtenKeyPath === void 0) return null;
  let text;
  if (cfg.syntax === "toml") {
    const q = opt.quote === "'" || opt.quote === "'''" ? "'" : '"';
    text = renderValue(
      cfg,
      typeof newValue === "boolean" && typeof opt.value === "string" ? String(newValue) : newValue,
      q
    );
  } else {
    text = renderValue(cfg, newValue);
    const src = cfg.text;
    let sepEnd = opt.keySpan.end;
    while (sepEnd < src.length && (src[sepEnd] === " " || src[sepEnd] === "	")) sepEnd++;
    sepEnd++;
    const firstOnKeyLine = opt.pieces.length > 0 && opt.valueSpan.line === opt.keySpan.line;
    if (!firstOnKeyLine)
      return {
        path: cfg.path,
        start: sepEnd,
        end: Math.max(sepEnd, opt.valueSpan.end),
        text: " " + text
      };
  }
  return { path: cfg.path, start: opt.valueSpan.start, end: opt.valueSpan.end, text };
}
function removeOptionEdit(cfg, key2) {
  const opt = cfg.options.get(key2);
  if (!opt || !cfg.path || cfg.text === null) return null;
  if (cfg.syntax === "toml" && opt.writtenKeyPath === void 0) return null;
  const text = cfg.text;
  const lineStart2 = text.lastIndexOf("\n", opt.span.start - 1) + 1;
  const startsLine = /^[ \t]*$/.test(text.slice(lineStart2, opt.span.start));
  const start2 = startsLine ? lineStart2 : opt.span.start;
  return { path: cfg.path, start: start2, end: afterLineBreak(text, opt.span.end), text: "" };
}
function removeAddoptsArgsEdit(cfg, remove) {
  const opt = cfg.options.get("addopts");
  if (!opt || !cfg.path || cfg.text === null || !remove.length) return null;
  const all = addoptsArgs(cfg).args;
  const drop = new Set(remove.map((a) => a.index));
  if (all.every((a) => drop.has(a.index))) return removeOptionEdit(cfg, "addopts");
  const targets = all.filter((a) => drop.has(a.index));
  if (targets.some((a) => a.start === null || a.end === null)) return null;
  const text = cfg.text;
  const sorted = targets.sort((a, b) => a.start - b.start);
  const first = sorted[0];
  const lastArg = sorted[sorted.length - 1];
  const firstIdx = all.findIndex((a) => a.index === first.index);
  const lastIdx = all.findIndex((a) => a.index === lastArg.index);
  if (lastIdx - firstIdx + 1 !== sorted.length) return null;
  let start2 = first.start;
  let end = lastArg.end;
  if (Array.isArray(opt.value)) {
    const afterRest = text.slice(end);
    const m = /^\s*,[ \t]*/.exec(afterRest);
    if (m && lastIdx < all.length - 1) end += m[0].length;
    else {
      const beforeText = text.slice(0, start2);
      const mb = /,\s*$/.exec(beforeText);
      if (mb) start2 -= mb[0].length;
    }
    return { path: cfg.path, start: start2, end, text: "" };
  }
  const prev = all[firstIdx - 1];
  if (prev && prev.end !== null && /^[ \t]+$/.test(text.slice(prev.end, start2))) start2 = prev.end;
  else {
    const m = /^[ \t]+/.exec(text.slice(end));
    if (m) end += m[0].length;
  }
  return { path: cfg.path, start: start2, end, text: "" };
}
var PM_OPTIONS = {
  bash: true,
  // `*` also matches `/` (fnmatch has no notion of path separators)
  dot: true,
  // a leading `.` is not special
  nobrace: true,
  noextglob: true,
  nonegate: true,
  // a leading `!` is a literal character
  posix: true
  // `[!…]` negated classes
};
var matcherCache = /* @__PURE__ */ new Map();
function fnmatch(name2, pattern) {
  let m = matcherCache.get(pattern);
  if (!m) {
    m = (0, import_picomatch.default)(pattern.replace(/\\/g, "\\\\"), PM_OPTIONS);
    matcherCache.set(pattern, m);
  }
  return m(name2);
}
function fnmatchEx(pattern, relPath) {
  if (!pattern.includes("/")) return fnmatch(relPath.split("/").pop() ?? relPath, pattern);
  const full = "/" + relPath.replace(/^\/+/, "");
  return fnmatch(full, pattern.startsWith("/") ? pattern : `*/${pattern}`);
}
function matchesPythonFiles(relPath, patterns) {
  return patterns.some((p) => fnmatchEx(p, relPath));
}
function matchesPrefixOrGlob(name2, patterns) {
  return patterns.some((p) => name2.startsWith(p) || /[*?[]/.test(p) && fnmatch(name2, p));
}
function matchesPythonClasses(name2, patterns) {
  return matchesPrefixOrGlob(name2, patterns);
}
function matchesPythonFunctions(name2, patterns) {
  return matchesPrefixOrGlob(name2, patterns);
}
function matchesNorecursedirs(relDir, patterns) {
  return patterns.some((p) => fnmatchEx(p, relDir));
}

// src/model/versions.ts
var import_pep440 = __toESM(require_pep440(), 1);

// src/model/known-versions.ts
var KNOWN_PACKAGES = [
  "pytest-asyncio",
  "anyio",
  "pytest",
  "trio",
  "hypothesis",
  "pytest-trio"
];
var range = (prefix, from, to) => Array.from({ length: to - from + 1 }, (_, i2) => `${prefix}${from + i2}`);
var KNOWN_VERSIONS = {
  "pytest-asyncio": [
    "0.21.0",
    "0.21.1",
    "0.21.2",
    ...range("0.23.", 0, 5),
    "0.23.5.post1",
    ...range("0.23.", 6, 8),
    "0.24.0",
    ...range("0.25.", 0, 3),
    "0.26.0",
    "1.0.0",
    "1.1.0",
    "1.1.1",
    "1.2.0",
    "1.3.0",
    "1.4.0"
  ],
  anyio: [
    "3.0.0",
    "3.0.1",
    "3.1.0",
    "3.2.0",
    "3.2.1",
    ...range("3.3.", 0, 4),
    "3.4.0",
    "3.5.0",
    ...range("3.6.", 0, 2),
    "3.7.0",
    "3.7.1",
    "4.0.0",
    "4.1.0",
    "4.2.0",
    "4.3.0",
    "4.4.0",
    ...range("4.5.", 0, 2),
    ...range("4.6.", 0, 2),
    "4.6.2.post1",
    "4.7.0",
    "4.8.0",
    "4.9.0",
    "4.10.0",
    "4.11.0",
    "4.12.0",
    "4.12.1",
    "4.13.0",
    ...range("4.14.", 0, 2)
  ],
  pytest: [
    "7.0.0",
    "7.0.1",
    ...range("7.1.", 0, 3),
    ...range("7.2.", 0, 2),
    ...range("7.3.", 0, 2),
    ...range("7.4.", 0, 4),
    ...range("8.0.", 0, 2),
    ...range("8.1.", 0, 2),
    ...range("8.2.", 0, 2),
    ...range("8.3.", 0, 5),
    ...range("8.4.", 0, 2),
    ...range("9.0.", 0, 3),
    // 9.1.0 is not listed: the research only names 9.1.1.
    "9.1.1"
  ],
  trio: [
    ...range("0.22.", 0, 2),
    ...range("0.23.", 0, 2),
    "0.24.0",
    "0.25.0",
    "0.25.1",
    ...range("0.26.", 0, 2),
    "0.27.0",
    "0.28.0",
    "0.29.0",
    "0.30.0",
    "0.31.0",
    "0.32.0",
    "0.33.0",
    "0.34.0"
  ],
  hypothesis: [
    "6.0.0",
    "6.50.0",
    "6.100.0",
    "6.110.0",
    "6.120.0",
    "6.130.0",
    "6.140.0",
    "6.150.0",
    "6.155.2"
  ],
  "pytest-trio": ["0.5.0", "0.5.1", "0.5.2", "0.6.0", "0.7.0", "0.8.0"]
};
var NEWEST_KNOWN = Object.fromEntries(
  KNOWN_PACKAGES.map((p) => [p, KNOWN_VERSIONS[p][KNOWN_VERSIONS[p].length - 1]])
);
var PYTEST_ASYNCIO_PYTEST_REQUIREMENT = [
  { pytestAsyncio: "<0.23", pytest: ">=7.0.0" },
  { pytestAsyncio: ">=0.23,<0.24", pytest: ">=7.0.0,<9" },
  { pytestAsyncio: ">=0.24,<1.3", pytest: ">=8.2,<9" },
  { pytestAsyncio: ">=1.3,<1.4", pytest: ">=8.2,<10" },
  { pytestAsyncio: ">=1.4", pytest: ">=8.4,<10" }
];

// src/model/versions.ts
function normalizeName(name2) {
  return name2.toLowerCase().replace(/[-_.]+/g, "-");
}
var KNOWN_SET = new Set(KNOWN_PACKAGES);
var asKnown = (raw) => {
  const n = normalizeName(raw);
  return KNOWN_SET.has(n) ? n : null;
};
var NAME_RE = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;
var MARKER_START = /^\s*(?:\(|['"]|python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra\b)/;
function parseRequirement(text) {
  const m = NAME_RE.exec(text);
  if (!m) return null;
  const rawName = m[1];
  let rest = text.slice(m[0].length);
  let extras = [];
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) return null;
    extras = rest.slice(1, close).split(",").map((e) => normalizeName(e.trim())).filter(Boolean);
    rest = rest.slice(close + 1).trimStart();
  }
  let marker = null;
  const semi = rest.indexOf(";");
  if (rest.startsWith("@")) {
    const mm = /\s;\s*(.*)$/.exec(rest);
    const url = (mm ? rest.slice(1, mm.index) : rest.slice(1)).trim();
    if (mm) marker = mm[1].trim();
    return { name: normalizeName(rawName), rawName, extras, specifier: "", url, marker };
  }
  if (semi >= 0) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi);
  }
  let spec = rest.trim();
  if (spec.startsWith("(") && spec.endsWith(")")) spec = spec.slice(1, -1).trim();
  if (spec && !/^(===|~=|==|!=|<=|>=|<|>)/.test(spec)) return null;
  if (spec && !/^[\s\w.*+!<>=~,-]+$/.test(spec)) return null;
  return { name: normalizeName(rawName), rawName, extras, specifier: spec, url: null, marker };
}
function cleanSpecifier(spec) {
  const s = spec.split(",").map((p) => p.trim()).filter(Boolean).join(",");
  if (!s) return "";
  try {
    return import_pep440.default.validRange(s) ? s : null;
  } catch {
    return null;
  }
}
function poetryToPep440(constraint) {
  const c2 = constraint.trim();
  if (!c2 || c2 === "*") return "";
  const parts2 = c2.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
  const out2 = [];
  for (const raw of parts2) {
    const p = raw.trim();
    let m;
    if (m = /^\^\s*(\d+(?:\.\d+)*)(.*)$/.exec(p)) {
      const nums = m[1].split(".").map(Number);
      const i2 = nums.findIndex((x) => x !== 0);
      const bumpAt = i2 < 0 ? Math.max(0, nums.length - 1) : Math.min(i2, nums.length - 1);
      const upper = nums.slice(0, bumpAt + 1);
      upper[bumpAt] = upper[bumpAt] + 1;
      out2.push(`>=${m[1]}${m[2]}`, `<${upper.join(".")}`);
    } else if (m = /^~(?!=)\s*(\d+(?:\.\d+)*)(.*)$/.exec(p)) {
      const nums = m[1].split(".").map(Number);
      const upper = nums.length === 1 ? [nums[0] + 1] : [nums[0], nums[1] + 1];
      out2.push(`>=${m[1]}${m[2]}`, `<${upper.join(".")}`);
    } else if (/^\d/.test(p)) {
      out2.push(`==${p}`);
    } else if (/^(===|~=|==|!=|<=|>=|<|>)/.test(p)) {
      out2.push(p.replace(/\s+/g, ""));
    } else if (p === "*") {
      continue;
    } else return null;
  }
  return out2.join(",");
}
var dirOf2 = (p) => {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
};
var joinPath2 = (dir, name2) => dir ? `${dir}/${name2}` : name2;
function resolveRel(dir, target) {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target) || target.startsWith("/")) return null;
  const parts2 = dir ? dir.split("/") : [];
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (!seg || seg === ".") continue;
    if (seg === "..") {
      if (!parts2.length) return null;
      parts2.pop();
    } else parts2.push(seg);
  }
  return parts2.join("/");
}
function addReq(r, text, kind, source, constraintOnly = false) {
  const parsed = parseRequirement(text);
  if (!parsed) return;
  const name2 = asKnown(parsed.name);
  const push = (n, specifier, extras, k, t) => {
    r.reqs.push({
      name: n,
      specifier,
      text: t,
      extras,
      marker: parsed.marker,
      kind: k,
      source,
      constraintOnly
    });
  };
  if (name2) {
    let spec = parsed.specifier;
    if (spec) {
      const clean = cleanSpecifier(spec);
      if (clean === null) {
        r.problems.push({
          ...source,
          message: `unrecognised version specifier '${spec}' for ${name2}`
        });
        spec = "";
      } else spec = clean;
    }
    push(name2, spec, parsed.extras, kind, text.trim());
  }
  if (constraintOnly) return;
  const implied = [];
  if (name2 === "anyio" && parsed.extras.includes("trio")) implied.push("trio");
  if (name2 === "pytest-asyncio") implied.push("pytest");
  if (name2 === "pytest-trio") implied.push("pytest", "trio");
  for (const n of implied) push(n, "", [], "implied", text.trim());
}
function readRequirementsFile(r, path6, constraintOnly) {
  const key2 = `${constraintOnly ? "c" : "r"}:${path6}`;
  if (r.visited.has(key2)) return;
  r.visited.add(key2);
  const text = r.fs.read(path6);
  if (text === null) return;
  if (!r.files.includes(path6)) r.files.push(path6);
  const lines = text.split(/\r\n|\n|\r/);
  for (let i2 = 0; i2 < lines.length; i2++) {
    const lineNo = i2 + 1;
    let line = lines[i2];
    while (/\\$/.test(line) && i2 + 1 < lines.length) {
      line = line.slice(0, -1) + " " + lines[++i2];
    }
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const src = { path: path6, line: lineNo };
    let m;
    if (m = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S.*)$/.exec(line)) {
      const target = resolveRel(dirOf2(path6), m[2].trim());
      const isConstraint = m[1] === "-c" || m[1] === "--constraint";
      if (target === null) r.problems.push({ ...src, message: `cannot follow '${line}'` });
      else if (!r.fs.exists(target))
        r.problems.push({ ...src, message: `included file ${target} not found` });
      else readRequirementsFile(r, target, constraintOnly || isConstraint);
      continue;
    }
    if (m = /^(-e|--editable)(?:\s*=\s*|\s+)(\S+)/.exec(line)) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(m[2]);
      if (egg) addReq(r, egg[1], "requirements", src, constraintOnly);
      continue;
    }
    if (line.startsWith("-")) continue;
    const cut = /\s+--?[A-Za-z]/.exec(line);
    const req = cut ? line.slice(0, cut.index) : line;
    addReq(r, req, constraintOnly ? "constraints" : "requirements", src, constraintOnly);
  }
}
function itemSources(stmt, path6, lineOf2, includeTables = false) {
  return tomlStringItems(stmt.valueText, stmt.valueSpan.start).filter((it) => includeTables || !it.inTable).map((it) => ({ value: it.value, source: { path: path6, line: lineOf2(it.start) } }));
}
function lineIndexOf(text) {
  const starts = [0];
  for (let i2 = 0; i2 < text.length; i2++) if (text[i2] === "\n") starts.push(i2 + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
var startsWithPath = (full, prefix) => full.length >= prefix.length && prefix.every((p, i2) => full[i2] === p);
function readPyproject(r, path6) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const doc = readToml(text);
  for (const p of doc.problems) r.problems.push({ path: path6, ...p });
  const lineOf2 = lineIndexOf(text);
  const kvs = doc.layout.statements.filter((s) => s.kind === "kv");
  const full = (s) => [...s.table, ...s.keyPath];
  for (const s of kvs) {
    const f = full(s);
    const isReqList = f.length === 2 && f[0] === "project" && f[1] === "dependencies" || f.length === 3 && f[0] === "project" && f[1] === "optional-dependencies" || f.length === 2 && f[0] === "dependency-groups" || f.length === 5 && f[0] === "tool" && f[1] === "hatch" && f[2] === "envs" && (f[4] === "dependencies" || f[4] === "extra-dependencies") || f.length === 4 && f[0] === "tool" && f[1] === "pdm" && f[2] === "dev-dependencies";
    const inlineExtras = f.length === 2 && f[0] === "project" && f[1] === "optional-dependencies";
    if (inlineExtras) {
      for (const it of itemSources(s, path6, lineOf2, true))
        addReq(r, it.value, "pyproject", it.source);
      continue;
    }
    if (isReqList) {
      for (const it of itemSources(s, path6, lineOf2)) addReq(r, it.value, "pyproject", it.source);
      if (f[0] === "dependency-groups") checkIncludeGroups(r, doc.data, s, path6, lineOf2);
      continue;
    }
    const poetryTable = f.length === 4 && startsWithPath(f, ["tool", "poetry"]) && (f[2] === "dependencies" || f[2] === "dev-dependencies") || f.length === 6 && startsWithPath(f, ["tool", "poetry", "group"]) && f[4] === "dependencies";
    if (poetryTable) {
      const pkg = f[f.length - 1];
      if (pkg === "python") continue;
      const name2 = asKnown(pkg);
      const value = doc.data ? tomlGet(doc.data, f) : void 0;
      readPoetryDependency(r, pkg, name2, value, s, path6);
    }
  }
  if (doc.data) {
    for (const tp of [
      ["tool", "poetry", "dependencies"],
      ["tool", "poetry", "dev-dependencies"]
    ]) {
      const tbl = tomlGet(doc.data, tp);
      if (!tbl || typeof tbl !== "object") continue;
      for (const [pkg, v] of Object.entries(tbl)) {
        const name2 = asKnown(pkg);
        if (!name2 || r.reqs.some((q) => q.source.path === path6 && q.name === name2 && q.kind === "poetry"))
          continue;
        const holder = kvs.find((s) => startsWithPath(tp, full(s)) || startsWithPath(full(s), tp));
        if (holder) readPoetryDependency(r, pkg, name2, v, holder, path6);
      }
    }
  }
}
function checkIncludeGroups(r, data, s, path6, lineOf2) {
  if (!data) return;
  const groups = tomlGet(data, ["dependency-groups"]);
  const list = tomlGet(data, [...s.table, ...s.keyPath]);
  if (!Array.isArray(list) || !groups || typeof groups !== "object") return;
  for (const item of list) {
    if (item && typeof item === "object" && "include-group" in item) {
      const target = String(item["include-group"]);
      const names = Object.keys(groups).map(normalizeName);
      if (!names.includes(normalizeName(target)))
        r.problems.push({
          path: path6,
          line: lineOf2(s.span.start),
          message: `include-group '${target}' does not exist`
        });
    }
  }
}
function readPoetryDependency(r, pkg, name2, value, s, path6) {
  const source = { path: path6, line: s.span.line };
  const entries = Array.isArray(value) ? value : [value];
  const constraints = [];
  let extras = [];
  for (const e of entries) {
    if (typeof e === "string") constraints.push(e);
    else if (e && typeof e === "object") {
      const o = e;
      if (typeof o.version === "string") constraints.push(o.version);
      else constraints.push("*");
      if (Array.isArray(o.extras)) extras = o.extras.map((x) => normalizeName(String(x)));
    }
  }
  const text = `${pkg} = ${s.valueText}`;
  if (name2) {
    const alts = [];
    for (const c2 of constraints)
      for (const alt of c2.split("||")) {
        const conv = poetryToPep440(alt);
        if (conv === null)
          r.problems.push({
            ...source,
            message: `unrecognised Poetry constraint '${alt.trim()}' for ${name2}`
          });
        else alts.push(conv);
      }
    const uniq = [...new Set(alts)];
    const req = {
      name: name2,
      specifier: uniq.length === 1 ? uniq[0] : uniq.includes("") ? "" : uniq.join(" || "),
      text,
      extras,
      marker: null,
      kind: "poetry",
      source,
      constraintOnly: false
    };
    if (uniq.length > 1 && !uniq.includes("")) req.alternatives = uniq;
    r.reqs.push(req);
  }
  const implied = [];
  if (name2 === "anyio" && extras.includes("trio")) implied.push("trio");
  if (name2 === "pytest-asyncio") implied.push("pytest");
  if (name2 === "pytest-trio") implied.push("pytest", "trio");
  for (const n of implied)
    r.reqs.push({
      name: n,
      specifier: "",
      text,
      extras: [],
      marker: null,
      kind: "implied",
      source,
      constraintOnly: false
    });
}
function splitCfgList(value) {
  const out2 = [];
  for (const line of value.split("\n")) {
    const parts2 = line.split(";");
    let cur = parts2[0];
    for (const p of parts2.slice(1)) {
      if (MARKER_START.test(p)) cur += ";" + p;
      else {
        out2.push(cur);
        cur = p;
      }
    }
    out2.push(cur);
  }
  return out2.map((s) => s.trim()).filter(Boolean);
}
function readSetupCfg(r, path6) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const doc = parseIni(text);
  for (const s of doc.sections) {
    for (const e of s.entries) {
      const wanted = s.name === "options" && (e.key === "install_requires" || e.key === "tests_require") || s.name === "options.extras_require";
      if (!wanted) continue;
      const pieces = e.pieces;
      for (const piece of pieces)
        for (const req of splitCfgList(piece.text)) {
          const line = text.slice(0, piece.start).split(/\r\n|\n|\r/).length;
          addReq(r, req, "setup.cfg", { path: path6, line });
        }
    }
  }
}
function readToxIni(r, path6) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const doc = parseIni(text);
  const dir = dirOf2(path6);
  for (const s of doc.sections) {
    if (s.name !== "testenv" && !s.name.startsWith("testenv:")) continue;
    const deps = s.entries.find((e) => e.key === "deps");
    if (!deps) continue;
    for (const piece of deps.pieces) {
      const line = text.slice(0, piece.start).split(/\r\n|\n|\r/).length;
      let t = piece.text.replace(/(^|\s)#.*$/, "").trim();
      t = t.replace(/^!?[\w.-]+(?:,\s*!?[\w.-]+)*:\s+/, "");
      if (!t || t.includes("{[")) continue;
      t = t.replace(/\{toxinidir\}\/?/g, dir ? dir + "/" : "");
      const m = /^(-r|--requirement|-c|--constraint)\s*=?\s*(\S+)$/.exec(t);
      if (m) {
        const target = resolveRel(dir, m[2]) ?? m[2];
        if (r.fs.exists(target))
          readRequirementsFile(r, target, m[1] === "-c" || m[1] === "--constraint");
        continue;
      }
      if (t.startsWith("-")) continue;
      addReq(r, t, "tox.ini", { path: path6, line });
    }
  }
}
function readPipfile(r, path6) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const doc = readToml(text);
  for (const p of doc.problems) r.problems.push({ path: path6, ...p });
  const kvs = doc.layout.statements.filter((s) => s.kind === "kv");
  for (const s of kvs) {
    const f = [...s.table, ...s.keyPath];
    if (f.length !== 2 || ["source", "requires", "pipenv", "scripts"].includes(f[0]))
      continue;
    const name2 = asKnown(f[1]);
    if (!name2) continue;
    const v = doc.data ? tomlGet(doc.data, f) : void 0;
    let spec = "";
    let extras = [];
    if (typeof v === "string") spec = v === "*" ? "" : v;
    else if (v && typeof v === "object") {
      const o = v;
      if (typeof o.version === "string" && o.version !== "*") spec = o.version;
      if (Array.isArray(o.extras)) extras = o.extras.map((x) => normalizeName(String(x)));
    }
    addReq(r, `${f[1]}${extras.length ? `[${extras.join(",")}]` : ""}${spec}`, "Pipfile", {
      path: path6,
      line: s.span.line
    });
  }
}
function readSetupPy(r, path6) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const re = /(?<![\w])[rRuU]?(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g;
  let m;
  while (m = re.exec(text)) {
    const body2 = m[2];
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (/\bname\s*=\s*$/.test(before)) continue;
    const parsed = parseRequirement(body2);
    if (!parsed || !asKnown(parsed.name)) continue;
    if (parsed.rawName.length !== body2.trim().length && !parsed.specifier && !parsed.extras.length && !parsed.marker)
      continue;
    const line = text.slice(0, m.index).split("\n").length;
    addReq(r, body2, "setup.py", { path: path6, line });
  }
}
function readTomlLock(r, path6, locks) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  const doc = readToml(text);
  for (const p of doc.problems) r.problems.push({ path: path6, ...p });
  const pending = /* @__PURE__ */ new Map();
  for (const s of doc.layout.statements) {
    if (s.kind !== "kv" || s.table.length !== 1 || s.table[0] !== "package" || s.arrayIndex < 0)
      continue;
    if (s.keyPath.length !== 1) continue;
    const key2 = s.keyPath[0];
    if (key2 !== "name" && key2 !== "version") continue;
    const items = tomlStringItems(s.valueText, 0);
    const value = items[0]?.value;
    if (value === void 0) continue;
    const e = pending.get(s.arrayIndex) ?? {};
    if (key2 === "name") e.name = value;
    else {
      e.version = value;
      e.line = s.span.line;
    }
    pending.set(s.arrayIndex, e);
  }
  for (const e of pending.values()) {
    const name2 = e.name ? asKnown(e.name) : null;
    if (name2 && e.version)
      locks.push({ name: name2, version: e.version, source: { path: path6, line: e.line ?? 1 } });
  }
}
function readPipfileLock(r, path6, locks) {
  const text = r.fs.read(path6);
  if (text === null) return;
  r.files.push(path6);
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    r.problems.push({ path: path6, line: 1, message: `invalid JSON: ${e.message}` });
    return;
  }
  const lines = text.split("\n");
  for (const section of ["default", "develop"]) {
    const tbl = data?.[section];
    if (!tbl || typeof tbl !== "object") continue;
    for (const [pkg, v] of Object.entries(tbl)) {
      const name2 = asKnown(pkg);
      const ver = v?.version;
      if (!name2 || typeof ver !== "string") continue;
      const exact = /^===?\s*(.+)$/.exec(ver.trim());
      if (!exact) continue;
      const idx = lines.findIndex((l) => l.includes(`"${pkg}"`));
      locks.push({
        name: name2,
        version: exact[1].trim(),
        source: { path: path6, line: idx + 1 || 1 }
      });
    }
  }
}
var PROBED_REQUIREMENT_FILES = [
  "requirements.txt",
  "requirements-dev.txt",
  "requirements_dev.txt",
  "requirements-test.txt",
  "requirements_test.txt",
  "requirements-tests.txt",
  "requirements_tests.txt",
  "requirements-testing.txt",
  "requirements-ci.txt",
  "dev-requirements.txt",
  "dev_requirements.txt",
  "test-requirements.txt",
  "test_requirements.txt",
  "tests-requirements.txt",
  "constraints.txt",
  "requirements/base.txt",
  "requirements/dev.txt",
  "requirements/test.txt",
  "requirements/tests.txt",
  "requirements/testing.txt",
  "requirements/ci.txt",
  "requirements/development.txt"
];
var isRequirementsName = (base) => /^.*requirements.*\.txt$/i.test(base) || /^constraints.*\.txt$/i.test(base);
function requirementFiles(fs2, dir) {
  if (typeof fs2.walk === "function") {
    const walk = fs2.walk.bind(fs2);
    const top = walk(
      dir,
      (_rel, base) => isRequirementsName(base),
      () => true
    );
    const inDir = walk(
      joinPath2(dir, "requirements"),
      (_rel, base) => /\.txt$/i.test(base),
      () => true
    );
    return [...top, ...inDir];
  }
  return PROBED_REQUIREMENT_FILES.map((f) => joinPath2(dir, f)).filter((p) => fs2.exists(p));
}
function cmpVersion(a, b) {
  try {
    return import_pep440.default.compare(a, b);
  } catch {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
function satisfiesSpec(version, spec) {
  if (!spec.trim()) return true;
  return spec.split("||").some((alt) => {
    const s = alt.trim();
    if (!s) return true;
    try {
      return import_pep440.default.satisfies(version, s);
    } catch {
      return false;
    }
  });
}
var sortUnique = (vs) => {
  const out2 = [];
  for (const v of [...vs].sort(cmpVersion))
    if (!out2.length || cmpVersion(out2[out2.length - 1], v) !== 0) out2.push(v);
  return out2;
};
function literalVersions(spec) {
  const out2 = [];
  for (const m of spec.matchAll(/(?:===|~=|==|!=|<=|>=|<|>)\s*([0-9][^,|\s]*)/g)) {
    const v = m[1].replace(/\.\*$/, "");
    if (import_pep440.default.valid(v)) out2.push(v);
  }
  return out2;
}
function exactPins(spec) {
  const out2 = [];
  for (const m of spec.matchAll(/(?:^|,|\|\|)\s*===?\s*([0-9][^,|\s*]*)\s*(?=,|\|\||$)/g)) {
    const v = m[1];
    if (import_pep440.default.valid(v)) out2.push(v);
  }
  return out2;
}
function versionsSatisfying(name2, specs) {
  const ok = (v) => specs.every((s) => satisfiesSpec(v, s));
  const out2 = sortUnique([
    ...KNOWN_VERSIONS[name2].filter(ok),
    ...specs.flatMap(exactPins).filter(ok)
  ]);
  if (out2.length) return out2;
  return sortUnique(specs.flatMap(literalVersions).filter(ok));
}
function emptyInfo(name2) {
  return {
    name: name2,
    spec: null,
    source: null,
    candidates: [NEWEST_KNOWN[name2]],
    assumed: true,
    declared: false,
    locked: false,
    overridden: false,
    requirements: [],
    notes: []
  };
}
function computeInfo(name2, reqs, locks, problems) {
  const info2 = emptyInfo(name2);
  info2.requirements = reqs;
  const direct = reqs.filter((q) => !q.constraintOnly);
  info2.declared = direct.length > 0 || locks.length > 0;
  if (locks.length) {
    const versions = sortUnique(locks.map((l) => l.version));
    const first = locks[0];
    info2.candidates = versions;
    info2.spec = `locked ${versions.map((v) => `==${v}`).join(" / ")}`;
    info2.source = first.source;
    info2.assumed = false;
    info2.locked = true;
    return info2;
  }
  const constraining = reqs.filter((q) => q.specifier !== "");
  if (!constraining.length) {
    info2.source = direct[0]?.source ?? null;
    return info2;
  }
  const specs = constraining.map((q) => q.specifier);
  let candidates = versionsSatisfying(name2, specs);
  if (!candidates.length) {
    const each = constraining.map((q) => versionsSatisfying(name2, [q.specifier]));
    const union = sortUnique(each.flat());
    if (union.length && each.every((e) => e.length)) {
      candidates = union;
      info2.notes.push(
        `conflicting pins (${constraining.map((q) => q.specifier).join(" vs ")}); each is kept`
      );
      problems.push({
        ...constraining[0].source,
        message: `${name2}: the pins ${constraining.map((q) => `${q.specifier} (${q.source.path}:${q.source.line})`).join(", ")} admit no common version`
      });
    } else {
      info2.notes.push(`no known release satisfies ${specs.join(", ")}; assumed the newest known`);
      problems.push({
        ...constraining[0].source,
        message: `${name2}: no known release satisfies ${specs.join(", ")}`
      });
      info2.spec = specs.join(", ");
      info2.source = constraining[0].source;
      return info2;
    }
  }
  const exact = constraining.find(
    (q) => /^(===|==)[^*]*$/.test(q.specifier) && !q.specifier.includes(",")
  );
  const decider = exact ?? [...constraining].sort(
    (a, b) => versionsSatisfying(name2, [a.specifier]).length - versionsSatisfying(name2, [b.specifier]).length
  )[0];
  info2.spec = decider.specifier;
  info2.source = decider.source;
  info2.candidates = candidates;
  info2.assumed = false;
  return info2;
}
function narrowPytestPair(pkgs) {
  const pa = pkgs["pytest-asyncio"];
  const pt = pkgs.pytest;
  if (!pa.declared) return;
  const pytestRangeFor = (v) => PYTEST_ASYNCIO_PYTEST_REQUIREMENT.find((e) => satisfiesSpec(v, e.pytestAsyncio))?.pytest ?? null;
  const compatible = (paV, ptV) => {
    const r = pytestRangeFor(paV);
    return r === null || satisfiesSpec(ptV, r);
  };
  if (pt.assumed) {
    const ok = KNOWN_VERSIONS.pytest.filter((v) => pa.candidates.some((p) => compatible(p, v)));
    const newest = ok[ok.length - 1];
    if (newest && cmpVersion(newest, pt.candidates[0]) !== 0) {
      pt.candidates = [newest];
      pt.notes.push(`newest pytest that pytest-asyncio ${describeSet(pa.candidates)} supports`);
    }
  } else if (!pt.locked && !pt.overridden) {
    const ok = pt.candidates.filter((v) => pa.candidates.some((p) => compatible(p, v)));
    if (ok.length && ok.length !== pt.candidates.length) {
      pt.candidates = ok;
      pt.notes.push(
        `narrowed to the pytest versions pytest-asyncio ${describeSet(pa.candidates)} supports`
      );
    }
  }
  if (!pa.locked && !pa.overridden && !pa.assumed && !pt.assumed) {
    const ok = pa.candidates.filter((p) => pt.candidates.some((v) => compatible(p, v)));
    if (ok.length && ok.length !== pa.candidates.length) {
      pa.candidates = ok;
      pa.notes.push(`narrowed to the releases that support pytest ${describeSet(pt.candidates)}`);
    }
  }
}
function finalize(reqs, locks, r) {
  const pkgs = {};
  for (const name2 of KNOWN_PACKAGES)
    pkgs[name2] = computeInfo(
      name2,
      reqs.filter((q) => q.name === name2),
      locks.filter((l) => l.name === name2),
      r.problems
    );
  narrowPytestPair(pkgs);
  return pkgs;
}
function findVersions(fs2, rootdir) {
  const r = { fs: fs2, reqs: [], files: [], problems: [], visited: /* @__PURE__ */ new Set() };
  const locks = [];
  const dirs = [.../* @__PURE__ */ new Set(["", rootdir.replace(/^\/+|\/+$/g, "")])];
  for (const dir of dirs) {
    for (const lock of ["uv.lock", "poetry.lock", "pdm.lock"])
      if (fs2.exists(joinPath2(dir, lock))) readTomlLock(r, joinPath2(dir, lock), locks);
    if (fs2.exists(joinPath2(dir, "Pipfile.lock")))
      readPipfileLock(r, joinPath2(dir, "Pipfile.lock"), locks);
  }
  for (const dir of dirs) {
    const at = (n) => joinPath2(dir, n);
    if (fs2.exists(at("pyproject.toml"))) readPyproject(r, at("pyproject.toml"));
    const reqFiles = requirementFiles(fs2, dir);
    const isConstraints = (f) => /^constraints/i.test(f.split("/").pop());
    for (const f of [
      ...reqFiles.filter((x) => !isConstraints(x)),
      ...reqFiles.filter(isConstraints)
    ]) {
      const base = f.split("/").pop();
      readRequirementsFile(r, f, /^constraints/i.test(base));
    }
    if (fs2.exists(at("setup.cfg"))) readSetupCfg(r, at("setup.cfg"));
    if (fs2.exists(at("setup.py"))) readSetupPy(r, at("setup.py"));
    if (fs2.exists(at("tox.ini"))) readToxIni(r, at("tox.ini"));
    if (fs2.exists(at("Pipfile"))) readPipfile(r, at("Pipfile"));
  }
  return { packages: finalize(r.reqs, locks, r), files: r.files, problems: r.problems };
}
function applyVersionOverrides(v, overrides) {
  const pkgs = { ...v.packages };
  const problems = [...v.problems];
  for (const [rawName, value] of Object.entries(overrides)) {
    const name2 = asKnown(rawName);
    if (!name2) {
      problems.push({
        path: "",
        line: 0,
        message: `version override for unknown package '${rawName}'`
      });
      continue;
    }
    const text = value.trim();
    const spec = import_pep440.default.valid(text) ? `==${text}` : cleanSpecifier(text);
    if (!spec) {
      problems.push({
        path: "",
        line: 0,
        message: `invalid version override '${value}' for ${name2}`
      });
      continue;
    }
    const candidates = versionsSatisfying(name2, [spec]);
    if (!candidates.length) {
      problems.push({
        path: "",
        line: 0,
        message: `no known release of ${name2} satisfies the override '${value}'`
      });
      continue;
    }
    pkgs[name2] = {
      ...pkgs[name2],
      spec,
      source: null,
      candidates,
      assumed: false,
      declared: true,
      locked: false,
      overridden: true,
      notes: [...pkgs[name2].notes, `set by the version override '${value}'`]
    };
  }
  return { packages: pkgs, files: v.files, problems };
}
function describeSet(versions, name2) {
  if (!versions.length) return "no version";
  if (versions.length === 1) return versions[0];
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (name2) {
    const known = KNOWN_VERSIONS[name2];
    const inRange = known.filter((k) => cmpVersion(k, first) >= 0 && cmpVersion(k, last) <= 0);
    const contiguous = inRange.length === versions.length;
    if (!contiguous && versions.length <= 4) return versions.join(", ");
  }
  return `${first}\u2013${last}`;
}
function describeRange(info2) {
  const at = info2.source ? `${info2.source.path}:${info2.source.line}` : null;
  const set = describeSet(info2.candidates, info2.name);
  if (info2.overridden) return `${info2.name} ${set} (set by the version override)`;
  if (info2.assumed) {
    const newest = info2.candidates[info2.candidates.length - 1] ?? NEWEST_KNOWN[info2.name];
    const first = info2.requirements.find((q) => !q.constraintOnly);
    if (first?.kind === "implied" && at)
      return `${info2.name} (installed through ${first.text} in ${at}; assumed newest, ${newest})`;
    if (info2.declared && at) return `${info2.name} (not pinned in ${at}; assumed newest, ${newest})`;
    return `${info2.name} (no pin found; assumed newest, ${newest})`;
  }
  if (info2.locked) return `${info2.name} ${set} (locked in ${at})`;
  const spec = info2.spec ?? "";
  if (info2.candidates.length === 1 && /^(===|==)[^,*|]*$/.test(spec))
    return `${info2.name} ${set} (pinned in ${at})`;
  const others = info2.requirements.filter(
    (q) => q.specifier && q.kind !== "implied" && !(q.source.path === info2.source?.path && q.source.line === info2.source?.line)
  );
  const parts2 = [
    `${spec} in ${at}`,
    ...others.slice(0, 2).map((q) => `${q.specifier} in ${q.source.path}:${q.source.line}`)
  ];
  return `${info2.name} ${set} (${parts2.join(", ")}${others.length > 2 ? ", \u2026" : ""})`;
}

// src/model/project.ts
var ALWAYS_SKIP = /* @__PURE__ */ new Set(["__pycache__", "site-packages", "node_modules"]);
var Project = class _Project {
  constructor(fs2, startDirs, overrides) {
    this.fs = fs2;
    this.config = findPytestConfig(fs2, startDirs.length ? startDirs : [""]);
    this.settings = getEffectiveSettings(this.config);
    for (const p of [...this.config.problems, ...this.settings.problems]) {
      this.notices.push({ level: "warning", path: p.path, line: p.line, message: `pytest config: ${p.message}` });
    }
    this.loopscope = readLoopscopeSettings(fs2, this.notices);
    const found = findVersions(fs2, this.config.rootdir);
    const wanted = {};
    for (const [k, v] of Object.entries({ ...this.loopscope.versions, ...overrides })) if (v) wanted[k] = v;
    const versions = applyVersionOverrides(found, wanted);
    for (const p of versions.problems) this.notices.push({ level: "warning", ...p.path ? { path: p.path, line: p.line } : {}, message: `versions: ${p.message}` });
    this.versions = versions.packages;
    this.asyncio = {
      mode: this.settings.asyncioMode.value,
      fixtureDefault: this.settings.asyncioDefaultFixtureLoopScope.value,
      testDefault: this.settings.asyncioDefaultTestLoopScope.value,
      disabled: this.settings.asyncioDisabled.value
    };
    const pytest = this.versions.pytest.candidates;
    this.baseClassMarksFirst = !pytest.length || pytest.some((v) => !/^([0-6]\.|7\.[0-3]\.|7\.4\.[0-2]$)/.test(v));
  }
  fs;
  notices = [];
  config;
  settings;
  versions;
  loopscope;
  asyncio;
  /** pytest ≥ 7.4.3 gathers class marks base class first. */
  baseClassMarksFirst;
  get rootdir() {
    return this.config.rootdir;
  }
  /** Does a file exist in the analysed tree (e.g. a package's `__init__.py`)? Read as data only. */
  fileExists(rel) {
    return this.fs.exists(rel);
  }
  /** The text of a file in the analysed tree (e.g. a requirements file a fix edits), or null. Read as data only. */
  readText(rel) {
    return this.fs.read(rel);
  }
  get configPath() {
    return this.config.path;
  }
  get testpaths() {
    const base = this.config.rootdir;
    return this.settings.testpaths.value.map((t) => base ? `${base}/${t}` : t);
  }
  isTestFile = (basename) => matchesPythonFiles(basename, this.settings.pythonFiles.value);
  isTestFunction = (name2) => matchesPythonFunctions(name2, this.settings.pythonFunctions.value);
  isTestClass = (name2) => matchesPythonClasses(name2, this.settings.pythonClasses.value);
  skipDir(base, rel) {
    if (ALWAYS_SKIP.has(base)) return true;
    if (this.fs.exists(`${rel}/pyvenv.cfg`)) return true;
    return matchesNorecursedirs(rel, this.settings.norecursedirs.value) || matchesNorecursedirs(base, this.settings.norecursedirs.value);
  }
  /** `pkg.mod` → `pkg/mod.py` or `pkg/mod/__init__.py`, looked up from the rootdir and `pythonpath` entries. */
  resolveModule(mod) {
    const rel = mod.replace(/\./g, "/");
    const bases = [this.config.rootdir, ...this.pythonpath()];
    for (const b of bases) {
      for (const cand of [`${rel}.py`, `${rel}/__init__.py`]) {
        const p = b ? `${b}/${cand}` : cand;
        if (this.fs.exists(p)) return p;
      }
    }
    return null;
  }
  pythonpath() {
    const opt = this.config.options.get("pythonpath");
    if (!opt) return [];
    const v = opt.value;
    const list = Array.isArray(v) ? v : String(v).split(/\s+/).filter(Boolean);
    const base = this.config.rootdir;
    return list.map((p) => (base ? `${base}/${p}` : p).replace(/\/\.$/, "").replace(/^\.\//, ""));
  }
  /** Is a changed .py file a `pytest_plugins` module named by one of these conftests (cheap textual check)? */
  isPluginModule(rel, conftests) {
    const mod = rel.replace(/\.py$/, "").replace(/\/__init__$/, "");
    const candidates = /* @__PURE__ */ new Set();
    const parts2 = mod.split("/");
    for (let i2 = 0; i2 < parts2.length; i2++) candidates.add(parts2.slice(i2).join("."));
    return conftests.some((c2) => {
      const text = this.fs.read(c2);
      if (!text || !text.includes("pytest_plugins")) return false;
      return [...candidates].some((m) => text.includes(`"${m}"`) || text.includes(`'${m}'`));
    });
  }
  isRuleEnabled(code, select, ignore) {
    const sel = select ?? this.loopscope.select;
    const ign = [...ignore ?? [], ...this.loopscope.ignore ?? []];
    if (sel && sel.length && !sel.some((s) => code.startsWith(s) || s === "ALL")) return false;
    return !ign.some((s) => code.startsWith(s));
  }
  perFileIgnored = (path6, code) => this.loopscope.perFileIgnores.some((p) => matchesPythonFiles(path6, [p.pattern]) && p.codes.some((c2) => code.startsWith(c2)));
  /** Does the suite use pytest-asyncio at all (pinned, imported, or an asyncio mark)? */
  usesPytestAsyncio(suite) {
    if (this.versions["pytest-asyncio"].declared) return true;
    for (const f of suite.files.values()) {
      if ([...f.imports.names.values()].some((q) => q.startsWith("pytest_asyncio"))) return true;
      if (f.tests.some((t) => suite.closestMark(t, "asyncio"))) return true;
    }
    return false;
  }
  /** Location of an ini option in the chosen config file, if set there. */
  iniOption(key2) {
    const o = this.config.options.get(key2);
    if (!o || !this.config.path) return null;
    return { path: this.config.path, line: o.span.line, endLine: o.span.endLine, col: o.span.col, value: o.value };
  }
  /**
   * An edit adding an ini option, plus where a finding about the missing option is anchored:
   * the section header (or, with no config file, nothing to anchor in the tree).
   */
  insertIniOptionEdit(key2, value) {
    const edit = insertOptionEdit(this.config, key2, value);
    if (!edit) return null;
    if (!this.config.path) {
      const dir = edit.path.includes("/") ? edit.path.slice(0, edit.path.lastIndexOf("/") + 1) : "";
      if (CONFIG_NAMES.some((n) => this.fs.exists(dir + n) && this.fs.read(dir + n) === null)) return null;
    }
    const header = this.config.section?.header;
    if (this.config.path && header) return { edit, anchor: { path: this.config.path, line: header.line, endLine: header.line, col: header.col } };
    if (this.config.path) return { edit, anchor: { path: this.config.path, line: 1, endLine: 1, col: 1 } };
    return { edit, anchor: { path: edit.path, line: 1, endLine: 1, col: 1 } };
  }
  replaceIniValueEdit(key2, value) {
    return replaceOptionValueEdit(this.config, key2, value);
  }
  removeIniOptionEdit(key2) {
    return removeOptionEdit(this.config, key2);
  }
  /** The same project with some files' texts replaced (fix verification). */
  withOverrides(texts) {
    const fs2 = this.fs;
    const overlay = {
      read: (p) => texts.has(p) ? texts.get(p) : fs2.read(p),
      exists: (p) => texts.has(p) || fs2.exists(p)
    };
    return new _Project(overlay, [this.config.ancestor], {});
  }
};
function loadProject(fs2, paths, overrides) {
  const dirs = paths.map((p) => fs2.exists(p) ? p.split("/").slice(0, -1).join("/") : p);
  return new Project(fs2, dirs, overrides);
}
function readLoopscopeSettings(fs2, notices) {
  const out2 = { perFileIgnores: [], versions: {} };
  const text = fs2.read("pyproject.toml");
  if (!text || !text.includes("tool.loopscope")) return out2;
  let data;
  try {
    data = parse(text);
  } catch (e) {
    notices.push({ level: "warning", path: "pyproject.toml", message: `[tool.loopscope] not read: ${e.message.split("\n")[0]}` });
    return out2;
  }
  const tool = data.tool?.loopscope;
  if (!tool || typeof tool !== "object") return out2;
  const codes = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string").map((s) => s.toUpperCase()) : void 0;
  const sel = codes(tool.select);
  if (sel) out2.select = sel;
  const ign = codes(tool.ignore);
  if (ign) out2.ignore = ign;
  const pfi = tool["per-file-ignores"];
  if (pfi && typeof pfi === "object") {
    for (const [pattern, list] of Object.entries(pfi)) {
      const c2 = codes(list);
      if (c2) out2.perFileIgnores.push({ pattern, codes: c2 });
    }
  }
  if (typeof tool["fail-on"] === "string") out2.failOn = tool["fail-on"];
  const versions = tool.versions;
  if (versions && typeof versions === "object") {
    for (const [k, v] of Object.entries(versions)) {
      if (typeof v === "string") out2.versions[k] = v;
    }
  }
  return out2;
}

// src/resolve/suite.ts
function specificity(fx) {
  if (fx.builtin) return 0;
  if (fx.file.kind === "plugin") return 1;
  if (fx.file.kind === "conftest") return 10 + dirDepth(fx.file.path);
  let depth = 0;
  for (let c2 = fx.cls; c2; c2 = c2.outer) depth++;
  return 1e3 + depth;
}
function dirOf3(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
function dirDepth(p) {
  const d = dirOf3(p);
  return d === "" ? 0 : d.split("/").length;
}
function addTo(index, fx) {
  const list = index.get(fx.name);
  if (list) list.push(fx);
  else index.set(fx.name, [fx]);
}
function dirChain(p) {
  const parts2 = dirOf3(p).split("/").filter(Boolean);
  const out2 = [""];
  for (let i2 = 0; i2 < parts2.length; i2++) out2.push(parts2.slice(0, i2 + 1).join("/"));
  return out2;
}
var Suite = class {
  constructor(rootdir) {
    this.rootdir = rootdir;
  }
  rootdir;
  /** Every parsed file by path. */
  files = /* @__PURE__ */ new Map();
  /** Every definition by registered name (unordered; for listing). */
  byName = /* @__PURE__ */ new Map();
  /** Plugin-provided and `pytest_plugins` definitions: visible everywhere, registered first. */
  globalDefs = /* @__PURE__ */ new Map();
  /** conftest.py definitions by the conftest's directory. */
  conftestDefs = /* @__PURE__ */ new Map();
  /** Module- and class-level definitions by file. */
  fileDefs = /* @__PURE__ */ new Map();
  closureCache = /* @__PURE__ */ new Map();
  classMroCache = /* @__PURE__ */ new Map();
  hookMarkCache = null;
  classFile = /* @__PURE__ */ new Map();
  addFile(file) {
    this.files.set(file.path, file);
    this.hookMarkCache = null;
    const stack = [...file.classes];
    while (stack.length) {
      const c2 = stack.pop();
      this.classFile.set(c2, file);
      stack.push(...c2.classes);
    }
    for (const fx of file.fixtures) this.register(fx);
  }
  register(fx) {
    addTo(this.byName, fx);
    if (fx.builtin || fx.file.kind === "plugin") {
      addTo(this.globalDefs, fx);
      this.globalDefs.get(fx.name).sort((a, b) => specificity(a) - specificity(b));
    } else if (fx.file.kind === "conftest") {
      const d = dirOf3(fx.file.path);
      let idx = this.conftestDefs.get(d);
      if (!idx) this.conftestDefs.set(d, idx = /* @__PURE__ */ new Map());
      addTo(idx, fx);
    } else {
      let idx = this.fileDefs.get(fx.file.path);
      if (!idx) this.fileDefs.set(fx.file.path, idx = /* @__PURE__ */ new Map());
      addTo(idx, fx);
    }
  }
  definitions(name2) {
    return this.byName.get(name2) ?? [];
  }
  allFixtures() {
    return [...this.byName.values()].flat();
  }
  /** Marks added in collection hooks of conftests and plugins (they see every collected item). */
  hookMarks() {
    if (!this.hookMarkCache) {
      this.hookMarkCache = [];
      for (const f of this.files.values()) if (f.kind === "conftest" || f.kind === "plugin") this.hookMarkCache.push(...f.hookMarks);
    }
    return this.hookMarkCache;
  }
  tests() {
    const out2 = [];
    for (const f of this.files.values()) out2.push(...f.tests);
    return out2;
  }
  /** Is this definition visible to the test (pytest's baseid match)? */
  visible(fx, test) {
    if (fx.builtin || fx.file.kind === "plugin") return true;
    if (fx.file.kind === "conftest") {
      const d = dirOf3(fx.file.path);
      return d === "" || test.file.path.startsWith(d + "/");
    }
    if (fx.file !== test.file) return false;
    if (!fx.cls) return true;
    for (let c2 = test.cls; c2; c2 = c2.outer) {
      if (c2 === fx.cls) return true;
      if (this.mro(c2).includes(fx.cls)) return true;
    }
    return false;
  }
  /** Visible definitions of a name for a test, least specific first (pytest's registration order). */
  visibleDefs(name2, test) {
    const out2 = [...this.globalDefs.get(name2) ?? []];
    for (const d of dirChain(test.file.path)) {
      const defs = this.conftestDefs.get(d)?.get(name2);
      if (defs) out2.push(...defs);
    }
    const local = this.fileDefs.get(test.file.path)?.get(name2);
    if (local) out2.push(...local.filter((fx) => this.visible(fx, test)).sort((a, b) => specificity(a) - specificity(b)));
    return out2;
  }
  /** Names of autouse fixtures registered on the test's chain. */
  autouseNames(test) {
    const out2 = /* @__PURE__ */ new Set();
    const scan = (idx, filter) => {
      if (!idx) return;
      for (const [name2, defs] of idx) if (defs.some((fx) => fx.autouse && (!filter || filter(fx)))) out2.add(name2);
    };
    scan(this.globalDefs);
    for (const d of dirChain(test.file.path)) scan(this.conftestDefs.get(d));
    scan(this.fileDefs.get(test.file.path), (fx) => this.visible(fx, test));
    return [...out2];
  }
  /**
   * The definition pytest uses for `name` when `test` (or a fixture in its closure) requests it.
   * `requester` is the fixture asking, so a fixture requesting its own name gets the next outer one.
   */
  resolve(name2, test, requester) {
    const defs = this.visibleDefs(name2, test);
    if (requester && requester.name === name2) {
      const i2 = defs.indexOf(requester);
      return i2 > 0 ? defs[i2 - 1] : void 0;
    }
    return defs[defs.length - 1];
  }
  /** Names a test gets by direct parametrization (not fixtures), from marks at every level. */
  directParams(test) {
    const out2 = /* @__PURE__ */ new Set();
    for (const hit of this.marks(test, "parametrize")) {
      const names = parametrizeArgnames(hit.mark);
      const indirect = hit.mark.kwargs.get("indirect");
      for (const n of names) {
        if (indirect?.kind === "bool" && indirect.text === "True") continue;
        if (indirect && (indirect.kind === "list" || indirect.kind === "tuple") && indirect.items?.some((i2) => i2.str === n)) continue;
        out2.add(n);
      }
    }
    return out2;
  }
  /** usefixtures names from marks at every level (they all apply, not only the closest). */
  usefixtures(test) {
    const out2 = [];
    for (const hit of this.marks(test, "usefixtures")) for (const a of hit.mark.args) if (a.str) out2.push(a.str);
    return out2;
  }
  /**
   * The fixture closure of a test: autouse fixtures visible to it, usefixtures, its arguments,
   * expanded transitively through each chosen definition's own arguments.
   */
  closure(test) {
    const cached = this.closureCache.get(test);
    if (cached) return cached;
    const direct = this.directParams(test);
    const out2 = [];
    const seenDefs = /* @__PURE__ */ new Set();
    const requested = /* @__PURE__ */ new Set();
    const queue = [];
    const request = (name2, via) => {
      if (name2 === "request" || direct.has(name2) || requested.has(name2)) return;
      requested.add(name2);
      queue.push({ name: name2, via });
    };
    for (const name2 of this.autouseNames(test)) request(name2, []);
    for (const name2 of this.usefixtures(test)) request(name2, []);
    for (const name2 of test.func.argnames) request(name2, []);
    while (queue.length) {
      const item = queue.shift();
      const def = this.resolve(item.name, test, item.requester);
      if (!def || seenDefs.has(def)) continue;
      seenDefs.add(def);
      out2.push({ name: item.name, def, via: item.via });
      for (const arg of def.func.argnames) {
        if (arg === def.name) queue.push({ name: arg, via: [...item.via, item.name], requester: def });
        else request(arg, [...item.via, item.name]);
      }
    }
    this.closureCache.set(test, out2);
    return out2;
  }
  /** Method resolution order of a class among classes defined in the same module (self first). */
  mro(cls) {
    const cached = this.classMroCache.get(cls);
    if (cached) return cached;
    const out2 = [cls];
    this.classMroCache.set(cls, out2);
    const file = this.fileOfClass(cls);
    for (const b of cls.bases) {
      const base = file ? findClass(file, b) : void 0;
      if (!base) continue;
      for (const c2 of this.mro(base)) if (!out2.includes(c2)) out2.push(c2);
    }
    return out2;
  }
  fileOfClass(cls) {
    return this.classFile.get(cls);
  }
  /**
   * Marks of a name applying to a test, closest first: the function's own (bottom decorator
   * first), then each enclosing class (with base-class marks first, pytest ≥ 7.4.3), then the
   * module's pytestmark.
   */
  marks(test, name2, baseFirst = true) {
    const out2 = [];
    for (const m of test.func.marks) if (m.name === name2) out2.push({ mark: m, level: "function" });
    for (let c2 = test.cls; c2; c2 = c2.outer) {
      for (const m of this.classMarks(c2, baseFirst)) if (m.name === name2) out2.push({ mark: m, level: "class", cls: c2 });
    }
    for (const m of test.file.moduleMarks) if (m.name === name2) out2.push({ mark: m, level: "module" });
    return out2;
  }
  /** A class node's own markers: reversed MRO (base first) on pytest ≥ 7.4.3, else MRO order. */
  classMarks(cls, baseFirst = true) {
    const mro = this.mro(cls);
    const order2 = baseFirst ? [...mro].reverse() : mro;
    return order2.flatMap((c2) => c2.ownMarks);
  }
  closestMark(test, name2, baseFirst = true) {
    return this.marks(test, name2, baseFirst)[0];
  }
};
function findClass(file, v) {
  if (v.kind !== "name") return void 0;
  return file.classes.find((c2) => c2.name === v.text);
}
function parametrizeArgnames(mark) {
  const first = mark.args[0] ?? mark.kwargs.get("argnames");
  if (!first) return [];
  if (first.kind === "str" && first.str !== void 0) {
    return first.str.split(",").map((s) => s.trim()).filter(Boolean);
  }
  if (first.kind === "list" || first.kind === "tuple") return (first.items ?? []).map((i2) => i2.str ?? "").filter(Boolean);
  return [];
}

// src/resolve/builtins.ts
var NO_SPAN = { start: 0, end: 0, line: 1, endLine: 1, col: 1 };
var PLUGIN_FILE = newPyFile({
  path: "<plugins>",
  text: "",
  exactText: false,
  kind: "plugin",
  imports: { names: /* @__PURE__ */ new Map(), insertAt: 0, modules: /* @__PURE__ */ new Set() },
  syntaxErrors: [],
  lineStarts: [0]
});
function builtin(name2, scope, opts = {}) {
  const func2 = {
    name: name2,
    defSpan: NO_SPAN,
    anchor: NO_SPAN,
    whole: NO_SPAN,
    indent: "",
    isAsync: opts.isAsync ?? false,
    isGenerator: false,
    params: [],
    argnames: opts.argnames ?? [],
    decorators: [],
    marks: [],
    isStatic: false,
    isClassMethod: false,
    facts: { calls: [], yields: [], assigned: /* @__PURE__ */ new Set(), hasAwait: false, methodCalls: [] }
  };
  return {
    name: name2,
    func: func2,
    file: PLUGIN_FILE,
    decorator: { span: NO_SPAN, value: { kind: "attr", text: "pytest.fixture", span: NO_SPAN, qual: "pytest.fixture" }, qual: "pytest.fixture" },
    decoratorKind: "pytest",
    scope,
    autouse: false,
    builtin: true
  };
}
function addBuiltinFixtures(suite, project) {
  const pa = project.versions["pytest-asyncio"];
  if (pa.candidates.some((v) => /^0\./.test(v))) suite.register(builtin("event_loop", "function"));
  suite.register(builtin("event_loop_policy", "session"));
  const anyio = project.versions.anyio;
  const anyioModule = anyio.candidates.some((v) => !/^[0-3]\./.test(v));
  suite.register(builtin("anyio_backend", anyioModule ? "module" : "function"));
  suite.register(builtin("anyio_backend_name", "function", { argnames: ["anyio_backend"] }));
  suite.register(builtin("anyio_backend_options", "function", { argnames: ["anyio_backend"] }));
  for (const [name2, scope] of [
    ["request", "function"],
    ["tmp_path", "function"],
    ["tmp_path_factory", "session"],
    ["tmpdir", "function"],
    ["tmpdir_factory", "session"],
    ["monkeypatch", "function"],
    ["capsys", "function"],
    ["capfd", "function"],
    ["caplog", "function"],
    ["recwarn", "function"],
    ["pytestconfig", "session"],
    ["cache", "session"],
    ["record_property", "function"],
    ["free_tcp_port", "function"],
    ["free_udp_port", "function"],
    ["free_tcp_port_factory", "session"],
    ["free_udp_port_factory", "session"]
  ]) {
    suite.register(builtin(name2, scope));
  }
}

// src/resolve/asyncio.ts
var PA_ERAS = ["0.21", "0.23", "0.24", "0.25", "0.26", "1.0", "1.1", "1.2", "1.3", "1.4"];
function majorMinor(v) {
  const m = /^(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}
function paEra(version) {
  const [maj, min] = majorMinor(version);
  if (maj >= 1) {
    if (min >= 4) return "1.4";
    return `1.${min}`;
  }
  if (min <= 22) return "0.21";
  if (min >= 26) return "0.26";
  return `0.${min}`;
}
function eraAtLeast(era, min) {
  return PA_ERAS.indexOf(era) >= PA_ERAS.indexOf(min);
}
var AsyncioModel = class {
  constructor(suite, settings, baseClassMarksFirst = true) {
    this.suite = suite;
    this.settings = settings;
    this.baseClassMarksFirst = baseClassMarksFirst;
  }
  suite;
  settings;
  baseClassMarksFirst;
  get auto() {
    return this.settings.mode === "auto";
  }
  /**
   * The closest asyncio mark, including marks added by collection hooks: `add_marker(m,
   * append=False)` goes first; an appended mark joins the function's own marks after its
   * decorators, and in auto mode after the bare mark the plugin adds to unmarked coroutines.
   */
  asyncioMark(test) {
    const base = this.suite.closestMark(test, "asyncio", this.baseClassMarksFirst);
    const hooks = test.func.isAsync ? this.suite.hookMarks().filter((h) => h.mark.name === "asyncio") : [];
    const front = hooks.find((h) => !h.append);
    if (front) return { mark: front.mark, level: "function" };
    if (base?.level === "function") return base;
    const appended = hooks.find((h) => h.append);
    if (appended && !(this.auto && !base)) return { mark: appended.mark, level: "function" };
    return base;
  }
  /** Is the test run by pytest-asyncio (coroutine + closest asyncio mark, or auto mode)? */
  isAsyncioTest(test) {
    if (this.settings.disabled || !test.func.isAsync) return false;
    return this.auto || this.asyncioMark(test) !== void 0;
  }
  /** Does pytest-asyncio run this fixture (on this release line)? */
  handlesFixture(fx, era) {
    if (this.settings.disabled || fx.builtin) return false;
    if (fx.decoratorKind === "pytest_asyncio") return fx.func.isAsync || eraAtLeast(era, "1.1");
    return this.auto && fx.decoratorKind === "pytest" && fx.func.isAsync;
  }
  /** The loop scope of an asyncio test. */
  testLoop(test, era) {
    const hit = this.asyncioMark(test);
    if (era === "0.21") {
      const ev = this.suite.resolve("event_loop", test);
      return { scope: ev && !ev.builtin ? ev.scope : "function", source: "event_loop" };
    }
    if (hit) {
      const ls = hit.mark.kwargs.get("loop_scope");
      const sc = hit.mark.kwargs.get("scope");
      if (eraAtLeast(era, "0.24") && ls && !isFalsy(ls)) return { ...literalScope(ls), source: "loop_scope", value: ls, mark: hit };
      if (sc && !isFalsy(sc)) return { ...literalScope(sc), source: "scope-kwarg", value: sc, mark: hit };
    }
    if (eraAtLeast(era, "0.26") && this.settings.testDefault) {
      const raw = this.settings.testDefault;
      return { scope: isScope(raw) ? raw : "invalid", raw, source: "ini", ...hit ? { mark: hit } : {} };
    }
    return { scope: "function", source: "default", ...hit ? { mark: hit } : {} };
  }
  /** The loop scope of a fixture pytest-asyncio runs (0.24+: loop_scope → ini default → caching scope). */
  fixtureLoop(fx, era) {
    if (eraAtLeast(era, "0.24")) {
      const ls = fx.loopScopeValue;
      if (ls && !isFalsy(ls)) return { ...literalScope(ls), source: "loop_scope", value: ls };
      const raw = this.settings.fixtureDefault;
      if (raw) return { scope: isScope(raw) ? raw : "invalid", raw, source: "ini" };
    }
    return { scope: fx.scope, source: "fixture-scope", ...fx.scopeValue ? { value: fx.scopeValue } : {} };
  }
};
function isFalsy(v) {
  return v.kind === "none" || v.kind === "str" && v.str === "" || v.kind === "bool" && v.text === "False";
}
function literalScope(v) {
  if (v.kind === "str" && v.str !== void 0) return isScope(v.str) ? { scope: v.str, raw: v.str } : { scope: "invalid", raw: v.str };
  return { scope: "dynamic" };
}
function effectiveRank(scope, test) {
  if (scope === "class" && !test.cls) return scopeRank("function");
  return scopeRank(scope);
}
function isKnown(c2) {
  return c2.scope !== "dynamic" && c2.scope !== "invalid";
}

// src/resolve/anyio.ts
var BACKEND_FIXTURES = ["anyio_backend", "anyio_backend_name", "anyio_backend_options"];
var KNOWN_BACKENDS = ["asyncio", "trio"];
var ID_START = /[A-Za-z_]/;
var ID_CHAR = /[A-Za-z0-9_]/;
var LiteralReader = class {
  constructor(text, pos, limit) {
    this.text = text;
    this.pos = pos;
    this.limit = limit;
  }
  text;
  pos;
  limit;
  /** Skips spaces, comments, line continuations, and (inside brackets) newlines. */
  ws(nl) {
    const t = this.text;
    while (this.pos < this.limit) {
      const c2 = t[this.pos];
      if (c2 === " " || c2 === "	" || c2 === "\f") this.pos++;
      else if (c2 === "\\" && (t[this.pos + 1] === "\n" || t[this.pos + 1] === "\r")) this.pos += t[this.pos + 1] === "\r" && t[this.pos + 2] === "\n" ? 3 : 2;
      else if (c2 === "#") {
        while (this.pos < this.limit && t[this.pos] !== "\n" && t[this.pos] !== "\r") this.pos++;
      } else if (nl && (c2 === "\n" || c2 === "\r")) this.pos++;
      else break;
    }
  }
  peek() {
    return this.text[this.pos] ?? "";
  }
  ident() {
    if (!ID_START.test(this.peek())) return null;
    const s = this.pos;
    while (this.pos < this.limit && ID_CHAR.test(this.peek())) this.pos++;
    return this.text.slice(s, this.pos);
  }
  /** A string literal (with prefix) at pos, or null. Returns its decoded value when plain. */
  string() {
    const t = this.text;
    const m = /^([rRbBuUfFtT]{0,2})(['"])/.exec(t.slice(this.pos, this.pos + 4));
    if (!m) return null;
    const prefix = m[1].toLowerCase();
    const q = m[2];
    let p = this.pos + m[1].length;
    const triple = t.slice(p, p + 3) === q.repeat(3);
    const close = triple ? q.repeat(3) : q;
    p += close.length;
    let out2 = "";
    const raw = prefix.includes("r");
    while (p < this.limit) {
      if (t.startsWith(close, p)) {
        p += close.length;
        this.pos = p;
        return { str: prefix.includes("f") || prefix.includes("t") ? void 0 : out2 };
      }
      const c2 = t[p];
      if (c2 === "\\" && p + 1 < this.limit) {
        const n = t[p + 1];
        out2 += raw ? c2 + n : n === "n" ? "\n" : n === "t" ? "	" : n === "\n" ? "" : n;
        p += 2;
        continue;
      }
      if (!triple && (c2 === "\n" || c2 === "\r")) break;
      out2 += c2;
      p++;
    }
    this.pos = p;
    return { str: void 0 };
  }
  /** Skips to the end of the current (sub)expression: a `,`, a closing bracket, `:` or a newline at depth 0. */
  skipRest(nl) {
    let depth = 0;
    while (this.pos < this.limit) {
      const c2 = this.peek();
      if (c2 === '"' || c2 === "'" || /[rRbBuUfF]/.test(c2) && /^[rRbBuUfF]{1,2}['"]/.test(this.text.slice(this.pos, this.pos + 3)) && !ID_CHAR.test(this.text[this.pos - 1] ?? "")) {
        if (this.string()) continue;
      }
      if (c2 === "#") {
        this.ws(false);
        continue;
      }
      if (c2 === "(" || c2 === "[" || c2 === "{") depth++;
      else if (c2 === ")" || c2 === "]" || c2 === "}") {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && (c2 === "," || c2 === ":")) return;
      else if (depth === 0 && !nl && (c2 === "\n" || c2 === "\r")) return;
      else if (c2 === "\\" && (this.text[this.pos + 1] === "\n" || this.text[this.pos + 1] === "\r")) {
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }
  /** One expression (no bare tuple). `nl`: newlines are insignificant (inside brackets). */
  expr(nl) {
    this.ws(nl);
    const start2 = this.pos;
    const node = this.primary(nl);
    this.ws(nl);
    const c2 = this.peek();
    if (this.pos < this.limit && c2 !== "," && c2 !== ")" && c2 !== "]" && c2 !== "}" && c2 !== ":" && c2 !== "\n" && c2 !== "\r" && c2 !== ";" && c2 !== "=") {
      this.skipRest(nl);
      return this.make("other", start2, trimEnd(this.text, start2, this.pos));
    }
    return node;
  }
  make(kind, start2, end, extra = {}) {
    return { kind, start: start2, end, text: this.text.slice(start2, end), ...extra };
  }
  primary(nl) {
    const start2 = this.pos;
    const c2 = this.peek();
    let node;
    const s = this.string();
    if (s) {
      let str = s.str;
      for (; ; ) {
        const save = this.pos;
        this.ws(nl);
        const more = this.string();
        if (!more) {
          this.pos = save;
          break;
        }
        str = str !== void 0 && more.str !== void 0 ? str + more.str : void 0;
      }
      node = this.make("str", start2, this.pos, str !== void 0 ? { str } : {});
    } else if (c2 === "(" || c2 === "[" || c2 === "{") {
      this.pos++;
      const close = c2 === "(" ? ")" : c2 === "[" ? "]" : "}";
      const items = [];
      const entries = [];
      let sawComma = false;
      let isDict = false;
      let bad = false;
      for (; ; ) {
        this.ws(true);
        if (this.pos >= this.limit) {
          bad = true;
          break;
        }
        if (this.peek() === close) {
          this.pos++;
          break;
        }
        if (this.peek() === "*") {
          bad = true;
          this.skipRest(true);
        } else {
          const item = this.expr(true);
          this.ws(true);
          if (c2 === "{" && this.peek() === ":") {
            this.pos++;
            isDict = true;
            const value = this.expr(true);
            entries.push({ key: item, value });
          } else items.push(item);
        }
        this.ws(true);
        if (this.peek() === ",") {
          sawComma = true;
          this.pos++;
          continue;
        }
        if (this.peek() === close) {
          this.pos++;
          break;
        }
        bad = true;
        this.skipRest(true);
        if (this.peek() === close) this.pos++;
        break;
      }
      if (bad) node = this.make("other", start2, this.pos);
      else if (c2 === "(") node = items.length === 1 && !sawComma ? { ...items[0], start: start2, end: this.pos, text: this.text.slice(start2, this.pos), parenthesized: true } : this.make("tuple", start2, this.pos, { items, parenthesized: true });
      else if (c2 === "[") node = this.make("list", start2, this.pos, { items });
      else node = isDict || items.length === 0 ? this.make("dict", start2, this.pos, { entries }) : this.make("set", start2, this.pos, { items });
    } else if (/[0-9.]/.test(c2) && /[0-9]/.test(this.text[this.pos + (c2 === "." ? 1 : 0)] ?? "")) {
      while (this.pos < this.limit && /[0-9A-Za-z_.]/.test(this.peek())) this.pos++;
      node = this.make("num", start2, this.pos);
    } else if (c2 === "-" || c2 === "+") {
      this.pos++;
      const inner = this.primary(nl);
      node = inner.kind === "num" ? this.make("num", start2, this.pos) : this.make("other", start2, this.pos);
    } else {
      const id = this.ident();
      if (!id) {
        this.skipRest(nl);
        return this.make("other", start2, Math.max(this.pos, start2));
      }
      if (id === "None") node = this.make("none", start2, this.pos);
      else if (id === "True" || id === "False") node = this.make("bool", start2, this.pos);
      else if (id === "lambda" || id === "not" || id === "await" || id === "yield") {
        this.skipRest(nl);
        return this.make("other", start2, trimEnd(this.text, start2, this.pos));
      } else {
        let name2 = id;
        for (; ; ) {
          const save = this.pos;
          this.ws(nl);
          if (this.peek() !== ".") {
            this.pos = save;
            break;
          }
          this.pos++;
          this.ws(nl);
          const next = this.ident();
          if (!next) {
            this.pos = save;
            break;
          }
          name2 += "." + next;
        }
        node = this.make("name", start2, this.pos, { name: name2 });
      }
    }
    for (; ; ) {
      const save = this.pos;
      this.ws(nl);
      const t = this.peek();
      if (t === "(") {
        this.pos++;
        const items = [];
        const kwargs = /* @__PURE__ */ new Map();
        let bad = false;
        for (; ; ) {
          this.ws(true);
          if (this.pos >= this.limit) {
            bad = true;
            break;
          }
          if (this.peek() === ")") {
            this.pos++;
            break;
          }
          const kwMatch = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.text.slice(this.pos, this.pos + 200));
          if (kwMatch) {
            this.pos += kwMatch[0].length;
            kwargs.set(kwMatch[1], this.expr(true));
          } else if (this.peek() === "*") {
            bad = true;
            this.skipRest(true);
          } else items.push(this.expr(true));
          this.ws(true);
          if (this.peek() === ",") {
            this.pos++;
            continue;
          }
          if (this.peek() === ")") {
            this.pos++;
            break;
          }
          bad = true;
          this.skipRest(true);
          if (this.peek() === ")") this.pos++;
          break;
        }
        node = bad || node.kind !== "name" ? this.make("other", start2, this.pos) : this.make("call", start2, this.pos, { items, kwargs, name: node.name });
      } else if (t === "[") {
        this.pos++;
        this.skipRest(true);
        if (this.peek() === "]") this.pos++;
        node = this.make("other", start2, this.pos);
      } else {
        this.pos = save;
        break;
      }
    }
    return node;
  }
  /** A statement-level expression list: `a`, or a bare tuple `a, b`. */
  exprList() {
    this.ws(false);
    const start2 = this.pos;
    const c2 = this.peek();
    if (this.pos >= this.limit || c2 === "\n" || c2 === "\r" || c2 === ";" || c2 === "#") return null;
    const first = this.expr(false);
    this.ws(false);
    if (this.peek() !== ",") return first;
    const items = [first];
    while (this.peek() === ",") {
      this.pos++;
      this.ws(false);
      const n = this.peek();
      if (this.pos >= this.limit || n === "\n" || n === "\r" || n === ";" || n === "#") break;
      items.push(this.expr(false));
      this.ws(false);
    }
    return this.make("tuple", start2, trimEnd(this.text, start2, this.pos), { items, parenthesized: false });
  }
};
function trimEnd(text, start2, end) {
  let e = end;
  while (e > start2 && /\s/.test(text[e - 1])) e--;
  return e;
}
function literalAt(text, offset, limit = text.length) {
  return new LiteralReader(text, offset, limit).expr(true);
}
function statementAt(text, offset, limit = text.length) {
  return new LiteralReader(text, offset, limit).exprList();
}
function codeOnly(text) {
  let out2 = "";
  let i2 = 0;
  while (i2 < text.length) {
    const c2 = text[i2];
    if (c2 === "#") {
      while (i2 < text.length && text[i2] !== "\n") {
        out2 += " ";
        i2++;
      }
      continue;
    }
    const m = /^([rRbBuUfFtT]{0,2})(['"])/.exec(text.slice(i2, i2 + 4));
    if (m && !(m[1] && /[A-Za-z0-9_]/.test(text[i2 - 1] ?? ""))) {
      const prefix = m[1].toLowerCase();
      const q = m[2];
      let p = i2 + m[1].length;
      const triple = text.slice(p, p + 3) === q.repeat(3);
      const close = triple ? q.repeat(3) : q;
      out2 += text.slice(i2, p + close.length);
      p += close.length;
      const f = prefix.includes("f");
      let depth = 0;
      let closed = false;
      while (p < text.length) {
        if (depth === 0 && text.startsWith(close, p)) {
          closed = true;
          break;
        }
        const ch = text[p];
        if (ch === "\\" && depth === 0 && p + 1 < text.length) {
          out2 += text[p + 1] === "\n" ? " \n" : "  ";
          p += 2;
          continue;
        }
        if (f && ch === "{") {
          if (depth === 0 && text[p + 1] === "{") {
            out2 += "  ";
            p += 2;
            continue;
          }
          depth++;
          out2 += ch;
        } else if (f && ch === "}" && depth > 0) {
          depth--;
          out2 += ch;
        } else out2 += depth > 0 ? ch : ch === "\n" ? ch : " ";
        p++;
        if (!triple && depth === 0 && ch === "\n") break;
      }
      if (closed) {
        out2 += close;
        p += close.length;
      }
      i2 = p;
      continue;
    }
    out2 += c2;
    i2++;
  }
  return out2;
}
function literalOf(file, v) {
  return literalAt(file.text, v.span.start, v.span.end);
}
function returnedValues(file, fx) {
  const text = file.text;
  const start2 = fx.func.defSpan.end;
  const end = fx.func.whole.end;
  const out2 = [];
  const r = new LiteralReader(text, start2, end);
  while (r.pos < end) {
    const c2 = r.peek();
    if (c2 === "#") {
      r.ws(false);
      continue;
    }
    if (c2 === '"' || c2 === "'") {
      r.string();
      continue;
    }
    if (ID_START.test(c2) && !ID_CHAR.test(text[r.pos - 1] ?? "")) {
      const at = r.pos;
      if (/^[rRbBuUfF]{1,2}['"]/.test(text.slice(at, at + 3))) {
        r.string();
        continue;
      }
      const id = r.ident();
      if ((id === "return" || id === "yield") && statementStart(text, at)) {
        const sub = new LiteralReader(text, r.pos, end);
        sub.ws(false);
        const delegates = id === "yield" && text.startsWith("from", sub.pos) && !ID_CHAR.test(text[sub.pos + 4] ?? "");
        const value = delegates ? null : sub.exprList();
        out2.push({ keyword: id, at, line: lineAt(file, at), value });
        r.pos = Math.max(sub.pos, r.pos);
      }
      continue;
    }
    r.pos++;
  }
  return out2;
}
function statementStart(text, at) {
  let p = at - 1;
  while (p >= 0 && (text[p] === " " || text[p] === "	")) p--;
  if (p < 0) return true;
  const c2 = text[p];
  if (c2 === "\n" || c2 === "\r" || c2 === ";") return true;
  if (c2 === ":") return true;
  return c2 === "=" && text[p - 1] !== "=" && text[p - 1] !== "!" && text[p - 1] !== "<" && text[p - 1] !== ">";
}
function lineAt(file, offset) {
  return lineOf(file.lineStarts, offset);
}
function trioModeLine(f) {
  const m = /^from[ \t]+pytest_trio\.enable_trio_mode[ \t]+import[ \t]+\*[ \t]*(#.*)?$/m.exec(f.text);
  if (m) {
    const line = lineAt(f, m.index);
    return { line, endLine: line, col: 1, what: "`from pytest_trio.enable_trio_mode import *`" };
  }
  if (f.pytestPlugins?.names.includes("pytest_trio.enable_trio_mode")) {
    const sp = f.pytestPlugins.span;
    return { line: sp.line, endLine: sp.endLine, col: sp.col, what: "`pytest_plugins` naming `pytest_trio.enable_trio_mode`" };
  }
  return null;
}
function classifySpec(file, node, origin) {
  const base = { file, node, origin };
  if (node.kind === "str") return { ...base, name: node.str ?? null, shape: node.str === void 0 ? "dynamic" : "str" };
  if (node.kind === "tuple" || node.kind === "list") {
    const items = node.items ?? [];
    const first = items[0];
    const name2 = first?.kind === "str" ? first.str ?? null : null;
    const opts = items[1];
    const spec = { ...base, name: name2, shape: "bad" };
    if (opts) spec.options = opts;
    if (node.kind === "list") return { ...spec, shape: "list" };
    if (items.length === 2 && first?.kind === "str" && (opts?.kind === "dict" || opts?.kind === "call" || opts?.kind === "name" || opts?.kind === "other")) return { ...spec, shape: "tuple" };
    if (items.length === 2 && first && first.kind !== "str" && first.kind !== "num" && first.kind !== "none" && first.kind !== "bool") return { ...spec, shape: "dynamic" };
    return spec;
  }
  if (node.kind === "num" || node.kind === "none" || node.kind === "bool" || node.kind === "dict" || node.kind === "set") return { ...base, name: null, shape: "bad" };
  return { ...base, name: null, shape: "dynamic" };
}
function unwrapParam(node) {
  if (node.kind === "call" && /(^|\.)param$/.test(node.name ?? "")) return { value: node.items?.[0] ?? null, param: node };
  return { value: node };
}
function dedupe(names) {
  const out2 = [];
  for (const n of names) if (n && !out2.includes(n)) out2.push(n);
  return out2;
}
function atLeast(v, min) {
  return cmpVersion(v, min) >= 0;
}
var AnyioModel = class {
  constructor(suite, project, asyncio) {
    this.suite = suite;
    this.project = project;
    this.asyncio = asyncio;
  }
  suite;
  project;
  asyncio;
  closureCache = /* @__PURE__ */ new Map();
  backendCache = /* @__PURE__ */ new Map();
  defCache = /* @__PURE__ */ new Map();
  usesCache = null;
  inUseCache = null;
  paCache = null;
  // --- versions -----------------------------------------------------------------------------
  /** The anyio releases the pins allow, ascending. */
  get versions() {
    return this.project.versions.anyio.candidates;
  }
  /** Allowed anyio versions at or above `min`. */
  versionsFrom(min) {
    return this.versions.filter((v) => atLeast(v, min));
  }
  /** Allowed anyio versions below `min`. */
  versionsBelow(min) {
    return this.versions.filter((v) => !atLeast(v, min));
  }
  /** The newest allowed anyio version (what an installer picks from a range). */
  get newest() {
    const v = this.versions;
    return v[v.length - 1] ?? "4.14.2";
  }
  // --- settings -----------------------------------------------------------------------------
  /** anyio's plugin is loaded (not `-p no:anyio`). */
  get enabled() {
    return !this.project.settings.anyioDisabled.value;
  }
  /** `anyio_mode = auto` (ini, `-o`, or `--anyio-mode`) on an anyio that has the option (≥ 4.11). */
  get autoMode() {
    return this.project.settings.anyioMode.value === "auto" && this.versionsFrom("4.11").length > 0;
  }
  /**
   * pytest-asyncio is installed and loaded: pinned, imported, or configured. `asyncio` marks alone
   * count only when the project pins none of its test tools (nothing known about the environment);
   * a project that pins pytest or anyio but not pytest-asyncio gets `PytestUnknownMarkWarning` for them.
   */
  get pytestAsyncioActive() {
    if (this.paCache === null) {
      const s = this.project.settings;
      const v = this.project.versions;
      let active = v["pytest-asyncio"].declared || s.asyncioMode.origin.kind !== "default";
      if (!active) {
        for (const f of this.suite.files.values()) {
          if ([...f.imports.names.values()].some((q) => q === "pytest_asyncio" || q.startsWith("pytest_asyncio."))) {
            active = true;
            break;
          }
        }
      }
      if (!active && !v.pytest.declared && !v.anyio.declared) active = this.project.usesPytestAsyncio(this.suite);
      this.paCache = !s.asyncioDisabled.value && active;
    }
    return this.paCache;
  }
  /**
   * trio can be imported: pinned (directly, through `anyio[trio]` or pytest-trio). When the
   * project declares no anyio pin at all, nothing is known about the environment and anyio's
   * classic default (asyncio and trio) is assumed.
   */
  get trioInstalled() {
    const v = this.project.versions;
    return v.trio.declared || !v.anyio.declared;
  }
  /** pytest-trio's trio mode (ini `trio_mode = true`) with pytest-trio loaded. */
  get trioModeIni() {
    const s = this.project.settings;
    return s.trioMode.value && !s.trioDisabled.value;
  }
  /** pytest-trio is installed: pinned or imported. */
  get pytestTrioInstalled() {
    if (this.project.versions["pytest-trio"].declared) return true;
    for (const f of this.suite.files.values()) if ([...f.imports.names.values()].some((q) => q === "pytest_trio" || q.startsWith("pytest_trio."))) return true;
    return this.suite.files.size > 0 && [...this.suite.files.values()].some((f) => f.kind === "conftest" && !!trioModeLine(f));
  }
  /** The conftest.py above the test that turns pytest-trio's trio mode on, if any. */
  trioModeConftest(test) {
    for (const f of this.suite.files.values()) {
      if (f.kind !== "conftest") continue;
      const dir = f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/") + 1) : "";
      if (!test.file.path.startsWith(dir)) continue;
      const hit = trioModeLine(f);
      if (hit) return { file: f, ...hit };
    }
    return null;
  }
  /** pytest-trio's trio mode applies to this test (ini `trio_mode`, or a conftest enabling it). */
  trioMode(test) {
    if (this.project.settings.trioDisabled.value) return false;
    return this.trioModeIni && this.pytestTrioInstalled || !!this.trioModeConftest(test);
  }
  /** Does the project use anyio's pytest plugin at all (pin, import, mark, backend fixture, auto mode)? */
  usesAnyio() {
    if (this.usesCache === null) {
      let uses = this.project.versions.anyio.declared || this.project.settings.anyioMode.value === "auto";
      if (!uses) {
        for (const f of this.suite.files.values()) {
          if ([...f.imports.names.values()].some((q) => q === "anyio" || q.startsWith("anyio."))) uses = true;
          else if (f.moduleMarks.some((m) => m.name === "anyio")) uses = true;
          else if (f.fixtures.some((fx) => BACKEND_FIXTURES.includes(fx.name))) uses = true;
          else if (f.tests.some((t) => this.suite.closestMark(t, "anyio") || t.func.argnames.some((a) => BACKEND_FIXTURES.includes(a)))) uses = true;
          if (uses) break;
        }
        if (!uses) uses = this.suite.hookMarks().some((h) => h.mark.name === "anyio");
      }
      this.usesCache = uses;
    }
    return this.usesCache;
  }
  /**
   * Does the suite rely on anyio's plugin to run async tests: anyio tests or marks (a conftest
   * `pytestmark` counts as intent), `anyio_mode = auto`, or anyio as the only async plugin installed.
   */
  pluginInUse() {
    if (this.inUseCache === null) {
      let inUse = this.enabled && (this.autoMode || this.suite.hookMarks().some((h) => h.mark.name === "anyio"));
      if (!inUse && this.enabled) {
        for (const f of this.suite.files.values()) {
          if (f.moduleMarks.some((m) => m.name === "anyio") || f.tests.some((t) => this.hasBackend(t) || this.suite.marks(t, "anyio").length > 0)) {
            inUse = true;
            break;
          }
        }
      }
      if (!inUse && this.enabled) inUse = this.project.versions.anyio.declared && !this.pytestAsyncioActive && !this.pytestTrioInstalled;
      this.inUseCache = inUse;
    }
    return this.inUseCache;
  }
  // --- tests --------------------------------------------------------------------------------
  /** The closest `anyio` mark on the function, its classes or its module (conftest `pytestmark` never applies). */
  anyioMark(test) {
    return this.suite.closestMark(test, "anyio", this.asyncio.baseClassMarksFirst);
  }
  /** An `anyio` mark added by `item.add_marker(...)` in a collection hook, if any. */
  hookMark(test) {
    if (!test.func.isAsync) return void 0;
    return this.suite.hookMarks().find((h) => h.mark.name === "anyio");
  }
  /**
   * Does the plugin give this test `usefixtures("anyio_backend")`? Only coroutine tests: an
   * `anyio` mark, auto mode, or (anyio ≥ 4.13) a mark added in a collection hook.
   */
  injectsBackend(test) {
    if (!this.enabled || !test.func.isAsync) return false;
    if (this.anyioMark(test) || this.autoMode) return true;
    return !!this.hookMark(test) && this.versionsFrom("4.13").length > 0;
  }
  /** Names the test gets by direct parametrization (not fixtures). */
  directlyParametrized(test) {
    return this.suite.directParams(test).has("anyio_backend");
  }
  /**
   * The fixture closure as the plugin sees it: pytest's closure plus `anyio_backend` (and what it
   * requests) when the mark or auto mode adds it.
   */
  closure(test) {
    const cached = this.closureCache.get(test);
    if (cached) return cached;
    const base = this.suite.closure(test);
    let out2 = base;
    if (this.injectsBackend(test) && !this.directlyParametrized(test) && !base.some((e) => e.name === "anyio_backend")) {
      out2 = [...base];
      const seen = new Set(base.map((e) => e.def));
      const names = new Set(base.map((e) => e.name));
      const queue = [{ name: "anyio_backend", via: [] }];
      while (queue.length) {
        const item = queue.shift();
        const def = this.suite.resolve(item.name, test, item.requester);
        if (!def || seen.has(def)) continue;
        seen.add(def);
        names.add(item.name);
        out2.push({ name: item.name, def, via: item.via });
        for (const arg of def.func.argnames) {
          if (arg === "request") continue;
          if (arg === def.name) queue.push({ name: arg, via: [...item.via, item.name], requester: def });
          else if (!names.has(arg)) queue.push({ name: arg, via: [...item.via, item.name] });
        }
      }
    }
    this.closureCache.set(test, out2);
    return out2;
  }
  /** The test asks for a backend fixture itself (signature, fixtures, usefixtures, or a direct parametrize). */
  requestsBackend(test) {
    if (this.directlyParametrized(test)) return true;
    return this.suite.closure(test).some((e) => BACKEND_FIXTURES.includes(e.name));
  }
  /** `anyio_backend` is in the test's closure, so the plugin runs its async fixtures (and, for a coroutine, the test). */
  hasBackendCache = /* @__PURE__ */ new Map();
  backendNamedCache = null;
  /** Does any analysed file mention a backend fixture (`anyio_backend`, `anyio_backend_name`, ...)? */
  backendNamed() {
    if (this.backendNamedCache === null) this.backendNamedCache = [...this.suite.files.values()].some((f) => f.text.includes("anyio_backend"));
    return this.backendNamedCache;
  }
  hasBackend(test) {
    if (!this.enabled) return false;
    if (!this.backendNamed() && !this.injectsBackend(test)) return false;
    let v = this.hasBackendCache.get(test);
    if (v === void 0) {
      v = this.directlyParametrized(test) || this.closure(test).some((e) => e.name === "anyio_backend");
      this.hasBackendCache.set(test, v);
    }
    return v;
  }
  /** pytest-asyncio runs this coroutine test instead (its auto mode, or an `asyncio` mark). */
  takenOver(test) {
    return test.func.isAsync && this.pytestAsyncioActive && this.asyncio.isAsyncioTest(test);
  }
  /** The plugin runs this test's body: a coroutine with `anyio_backend` in its closure that pytest-asyncio does not take. */
  isAnyioTest(test) {
    return test.func.isAsync && this.hasBackend(test) && !this.takenOver(test);
  }
  /** Parsed tests the plugin runs. */
  anyioTestsCache = null;
  anyioTests() {
    if (!this.anyioTestsCache) this.anyioTestsCache = this.suite.tests().filter((t) => this.isAnyioTest(t));
    return this.anyioTestsCache;
  }
  // --- fixtures -----------------------------------------------------------------------------
  /** Would the plugin run this fixture for a test with `anyio_backend`? (async, plain `@pytest.fixture`, not taken by pytest-asyncio's auto mode) */
  runsFixture(fx) {
    if (fx.builtin || !fx.func.isAsync || fx.decoratorKind !== "pytest") return false;
    if (this.pytestAsyncioActive && this.asyncio.auto) return false;
    return true;
  }
  /** The async fixtures the plugin runs for this test (empty when it has no `anyio_backend`). */
  anyioFixtures(test) {
    if (!this.hasBackend(test)) return [];
    return this.closure(test).filter((e) => this.runsFixture(e.def));
  }
  /** `@pytest_asyncio.fixture` async fixtures in the closure of a test the plugin runs (AN302). */
  pytestAsyncioFixtures(test) {
    if (!this.isAnyioTest(test)) return [];
    return this.closure(test).filter((e) => !e.def.builtin && e.def.func.isAsync && e.def.decoratorKind === "pytest_asyncio");
  }
  /**
   * Fixtures in the closure for which pytest resolves `anyio_backend` at their own caching
   * scope: every async fixture the plugin runs (it appends `anyio_backend` to their argnames),
   * and any fixture that requests `anyio_backend` itself.
   */
  backendConsumers(test) {
    if (!this.hasBackend(test)) return [];
    return this.closure(test).filter((e) => !e.def.builtin && e.name !== "anyio_backend" && (this.runsFixture(e.def) || e.def.func.argnames.includes("anyio_backend")));
  }
  /** Does the fixture (transitively, as resolved for this test) request `anyio_backend`? */
  dependsOnBackend(fx, test) {
    const seen = /* @__PURE__ */ new Set();
    const visit = (d) => {
      if (seen.has(d)) return false;
      seen.add(d);
      for (const arg of d.func.argnames) {
        if (arg === "anyio_backend") return true;
        if (arg === "request") continue;
        const dep = this.suite.resolve(arg, test, arg === d.name ? d : void 0);
        if (dep && visit(dep)) return true;
      }
      return false;
    };
    return visit(fx);
  }
  // --- backends -----------------------------------------------------------------------------
  /** The `anyio_backend` a test gets, or null when it has none. */
  backend(test) {
    if (this.backendCache.has(test)) return this.backendCache.get(test);
    let out2 = null;
    if (this.hasBackend(test)) {
      const param = this.parametrizeHit(test);
      if (param && this.directlyParametrized(test)) out2 = this.fromParametrize(test, param);
      else {
        const def = this.closure(test).find((e) => e.name === "anyio_backend")?.def ?? this.suite.resolve("anyio_backend", test);
        if (def) {
          out2 = this.backendOf(def);
          if (param && !def.builtin) {
            const fromMark = this.fromParametrize(test, param);
            out2 = { ...out2, backends: fromMark.backends, exact: fromMark.exact, specs: fromMark.specs };
          }
        }
      }
    }
    this.backendCache.set(test, out2);
    return out2;
  }
  /** The parametrize mark (closest level first) naming `anyio_backend`. */
  parametrizeHit(test) {
    return this.suite.marks(test, "parametrize").find((h) => parametrizeArgnames(h.mark).includes("anyio_backend"));
  }
  fromParametrize(test, hit) {
    const mark = hit.mark;
    const file = test.file;
    const names = parametrizeArgnames(mark);
    const idx = names.indexOf("anyio_backend");
    const argvalues = mark.args[1] ?? mark.kwargs.get("argvalues");
    const scopeV = mark.kwargs.get("scope");
    let scope = "function";
    if (scopeV) scope = scopeV.kind === "str" && scopeV.str !== void 0 ? isScope(scopeV.str) ? scopeV.str : "invalid" : scopeV.kind === "none" ? "function" : "dynamic";
    const specs = [];
    let exact = true;
    const lit = argvalues ? literalOf(file, argvalues) : null;
    if (!lit || lit.kind !== "list" && lit.kind !== "tuple") exact = false;
    else {
      for (const item of lit.items ?? []) {
        const { value, param } = unwrapParam(item);
        let v = value;
        if (names.length > 1) {
          if (param) v = param.items?.[idx] ?? null;
          else v = value && (value.kind === "tuple" || value.kind === "list") ? value.items?.[idx] ?? null : null;
        }
        if (!v) {
          exact = false;
          continue;
        }
        const spec = classifySpec(file, v, "parametrize");
        if (param) spec.param = param;
        if (spec.shape === "dynamic") exact = false;
        specs.push(spec);
      }
    }
    const backends = exact ? dedupe(specs.map((s) => s.name)) : dedupe([...specs.map((s) => s.name), ...KNOWN_BACKENDS]);
    return { source: "parametrize", mark: hit, scope, scopes: [{ scope, versions: this.versions }], backends, exact, specs };
  }
  /** The backends and scope of one `anyio_backend` definition (a user fixture or the plugin's). */
  backendOf(def) {
    const cached = this.defCache.get(def);
    if (cached) return cached;
    let out2;
    if (def.builtin) out2 = this.pluginDefault(def);
    else {
      const specs = [];
      let exact = true;
      const returned = returnedValues(def.file, def);
      const usesParam = (v) => !!v && /\brequest\.param\b/.test(v.text);
      const paramsLit = def.params ? literalOf(def.file, def.params) : null;
      const fromParams = () => {
        if (!paramsLit || paramsLit.kind !== "list" && paramsLit.kind !== "tuple") {
          exact = false;
          return;
        }
        for (const item of paramsLit.items ?? []) {
          const { value, param } = unwrapParam(item);
          if (!value) {
            exact = false;
            continue;
          }
          const spec = classifySpec(def.file, value, "params");
          if (param) spec.param = param;
          if (spec.shape === "dynamic") exact = false;
          specs.push(spec);
        }
      };
      const values = returned.filter((r) => r.value);
      if (!values.length) {
        if (def.params) fromParams();
        else exact = false;
      }
      for (const r of values) {
        const v = r.value;
        if (usesParam(v)) {
          if (v.text.trim() === "request.param" && !specs.some((s) => s.origin === "params")) fromParams();
          else exact = false;
          continue;
        }
        const spec = classifySpec(def.file, v, "return");
        if (spec.shape === "dynamic") exact = false;
        specs.push(spec);
      }
      const backends = exact ? dedupe(specs.map((s) => s.name)) : dedupe([...specs.map((s) => s.name), ...KNOWN_BACKENDS]);
      out2 = { source: "fixture", def, scope: def.scope, scopes: [{ scope: def.scope, versions: this.versions }], backends, exact, specs };
    }
    this.defCache.set(def, out2);
    return out2;
  }
  /**
   * The plugin's own `anyio_backend`: function scope before 4.0, module scope from 4.0; asyncio
   * and trio before 4.12, from 4.12 only the backends that import (trio when it is installed).
   */
  pluginDefault(def) {
    const byScope = /* @__PURE__ */ new Map();
    for (const v of this.versions) {
      const s = atLeast(v, "4.0.0") ? "module" : "function";
      pushTo(byScope, s, v);
    }
    const scopes = [...byScope].map(([scope, versions]) => ({ scope, versions }));
    const newest = atLeast(this.newest, "4.0.0") ? "module" : "function";
    const backends = ["asyncio"];
    if (this.trioInstalled || this.versionsBelow("4.12").length) backends.push("trio");
    const d = def ?? this.suite.definitions("anyio_backend").find((x) => x.builtin);
    return { source: "plugin", ...d ? { def: d } : {}, scope: newest, scopes: scopes.length ? scopes : [{ scope: newest, versions: [] }], backends, exact: true, specs: [] };
  }
  /** Versions on which the plugin default parametrizes `[trio]` although trio is not installed (< 4.12: `ModuleNotFoundError`). */
  trioMissingVersions() {
    if (this.project.versions.trio.declared) return { failing: [], dropped: [] };
    return { failing: this.versionsBelow("4.12"), dropped: this.versionsFrom("4.12") };
  }
  /** Is `a` a wider caching scope than `b` (both known)? */
  static wider(a, b) {
    return isScope(a) && isScope(b) && scopeRank(a) > scopeRank(b);
  }
};

// src/rules/docs-url.ts
var DOCS_BASE = "https://github.com/loopscope/loopscope/blob/v1/docs/rules";
function docsUrl(code) {
  return `${DOCS_BASE}/${code}.md`;
}

// src/rules/engine.ts
var RuleContext = class {
  constructor(suite, project, targets) {
    this.suite = suite;
    this.project = project;
    this.targets = targets;
    this.asyncio = new AsyncioModel(suite, project.asyncio, project.baseClassMarksFirst);
    const buckets = /* @__PURE__ */ new Map();
    for (const v of project.versions["pytest-asyncio"].candidates) {
      const e = paEra(v);
      pushTo(buckets, e, v);
    }
    this.paEras = PA_ERAS.filter((e) => buckets.has(e)).map((era) => ({ era, versions: buckets.get(era) }));
  }
  suite;
  project;
  targets;
  findings = [];
  reported = /* @__PURE__ */ new Set();
  current = null;
  asyncio;
  /** pytest-asyncio release lines the pins allow, oldest first, with the versions in each. */
  paEras;
  anyioModel = null;
  /** anyio's pytest plugin (built on first use: most suites have no anyio tests). */
  get anyio() {
    if (!this.anyioModel) this.anyioModel = new AnyioModel(this.suite, this.project, this.asyncio);
    return this.anyioModel;
  }
  /** Tests in the files being checked. */
  targetTests() {
    const out2 = [];
    for (const path6 of this.targets) {
      const f = this.suite.files.get(path6);
      if (f) out2.push(...f.tests);
    }
    return out2;
  }
  /** Files being checked that were parsed. */
  targetFiles() {
    const out2 = [];
    for (const path6 of this.targets) {
      const f = this.suite.files.get(path6);
      if (f) out2.push(f);
    }
    return out2;
  }
  /** Fixtures defined in the target files plus those the target tests use. */
  fixturesInScope() {
    const set = /* @__PURE__ */ new Set();
    for (const f of this.targetFiles()) for (const fx of f.fixtures) set.add(fx);
    for (const t of this.targetTests()) for (const e of this.suite.closure(t)) if (!e.def.builtin) set.add(e.def);
    return [...set];
  }
  users = null;
  /** Tests (among those parsed) whose closure contains the fixture. */
  usersOf(fx) {
    if (!this.users) {
      this.users = /* @__PURE__ */ new Map();
      for (const t of this.suite.tests()) {
        for (const e of this.suite.closure(t)) pushTo(this.users, e.def, t);
      }
    }
    return this.users.get(fx) ?? [];
  }
  run(rule) {
    this.current = rule;
    try {
      rule.check(this);
    } finally {
      this.current = null;
    }
  }
  report(d) {
    const rule = this.current;
    if (!rule) throw new Error("report() outside a rule");
    const f = {
      code: rule.meta.code,
      name: rule.meta.name,
      severity: d.severity ?? rule.meta.severity,
      path: d.path,
      line: d.span.line,
      endLine: d.span.endLine,
      column: d.span.col,
      message: d.message,
      symbol: d.symbol,
      related: d.related ?? [],
      docsUrl: docsUrl(rule.meta.code),
      involves: d.involves ?? []
    };
    const cfg = this.project.config;
    const touchesBrokenConfig = cfg.unparsable && !!d.fix?.edits.some((e) => e.path === cfg.path);
    if (d.fix && d.fix.edits.length && !touchesBrokenConfig) f.fix = d.fix;
    const k = `${f.code}\0${f.path}\0${f.line}\0${f.endLine}\0${f.column}`;
    if (this.reported.has(k)) return;
    this.reported.add(k);
    this.findings.push(f);
  }
};
var testsByFunc = /* @__PURE__ */ new WeakMap();
function firstTestOf(file, fn) {
  let index = testsByFunc.get(file);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const t of file.tests) if (!index.has(t.func)) index.set(t.func, t);
    testsByFunc.set(file, index);
  }
  return index.get(fn);
}
function testSymbol(t) {
  return t.nodeid;
}
function fixtureSymbol(fx) {
  return `fixture:${fx.file.path}::${fx.cls ? fx.cls.qualName + "::" : ""}${fx.name}`;
}
function versionsText(pkg, versions) {
  if (versions.length === 0) return pkg;
  if (versions.length === 1) return `${pkg} ${versions[0]}`;
  return `${pkg} ${versions[0]}\u2013${versions[versions.length - 1]}`;
}
function where(fx) {
  return `${fx.file.path}:${fx.func.anchor.line}`;
}

// src/rules/messages.ts
function scopeMismatch(era, loopScope, scope) {
  let name2;
  if (eraAtLeast(era, "1.1")) name2 = `_${loopScope}_scoped_runner`;
  else if (eraAtLeast(era, "1.0")) name2 = `_${loopScope}_event_loop`;
  else name2 = loopScope === "function" ? "event_loop" : `<${loopScope} node>::<event_loop>`;
  return `ScopeMismatch: You tried to access the ${loopScope} scoped fixture ${name2} with a ${scope} scoped request object`;
}
var CROSS_LOOP_ERROR = "RuntimeError: Task <Task pending \u2026> got Future <Future pending> attached to a different loop";
var MULTIPLE_LOOPS_ERROR = "MultipleEventLoopsRequestedError: Multiple asyncio event loops with different scopes have been requested";
var MARK_SCOPE_DEPRECATED = 'PytestDeprecationWarning: The "scope" keyword argument to the asyncio marker has been deprecated. Please use the "loop_scope" argument instead.';
var MARK_BOTH_SCOPES = 'pytest.UsageError: An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".';
function markArgsError(era) {
  if (eraAtLeast(era, "1.4")) return "ValueError: mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'.";
  if (eraAtLeast(era, "0.25")) return "ValueError: mark.asyncio accepts only a keyword argument 'loop_scope'.";
  return "ValueError: mark.asyncio accepts only a keyword argument 'scope'.";
}
function asyncGeneratorTest(name2) {
  return `PytestCollectionWarning: Tests based on asynchronous generators are not supported. ${name2} will be ignored.`;
}
function markOnSyncTest(era, name2) {
  if (era === "0.21") return `PytestWarning: The test <Function ${name2}> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove asyncio marker. If the test is not marked explicitly, check for global markers applied via 'pytestmark'.`;
  return `PytestWarning: The test <Function ${name2}> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove the asyncio mark. If the test is not marked explicitly, check for global marks applied via 'pytestmark'.`;
}
var MARK_ON_FIXTURE_WARNING = "PytestRemovedIn9Warning: Marks applied to fixtures have no effect";
var MARK_ON_FIXTURE_ERROR = "Failed: Marks cannot be applied to fixtures.";
function unhandledAsyncTest(pytest84) {
  return pytest84 ? "Failed: async def functions are not natively supported." : "PytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.";
}
function fixtureScopeMismatch(fixtureScope, fixture, requestScope) {
  return `ScopeMismatch: You tried to access the ${fixtureScope} scoped fixture ${fixture} with a ${requestScope} scoped request object`;
}
var ANYIO_BAD_BACKEND_SPEC = "TypeError: anyio_backend must be either a string or tuple of (string, dict)";
function anyioUnknownBackend(name2) {
  return `ModuleNotFoundError: No module named 'anyio._backends._${name2}'`;
}
function anyioUnknownOption(backend, option) {
  return backend === "trio" ? `TypeError: start_guest_run() got an unexpected keyword argument '${option}'` : `TypeError: TestRunner.__init__() got an unexpected keyword argument '${option}'`;
}
var ANYIO_BOTH_AUTO_MODES = "PytestConfigWarning: AnyIO auto mode has been enabled together with pytest-asyncio auto mode. This may cause unexpected behavior.";
var TRIO_RUN_INSIDE_RUN = "RuntimeError: Attempted to call run() from inside a run()";
function unhandledAsyncFixture(test, fixture, autouse) {
  return `PytestRemovedIn9Warning: '${test}' requested an async fixture '${fixture}'${autouse ? " with autouse=True" : ""}, with no plugin or hook that handled it. This is usually an error, as pytest does not natively support it. This will turn into an error in pytest 9.`;
}
function anyioFuncArgument(v3) {
  return `TypeError: TestRunner.${v3 ? "_call" : "_call_in_runner_task"}() got multiple values for argument 'func'`;
}
var ANYIO_REQUEST_IS_BACKEND = "AttributeError: 'str' object has no attribute 'param'";
var NO_MODULE_TRIO = "ModuleNotFoundError: No module named 'trio'";
var BOUND_TO_OTHER_LOOP = "RuntimeError: <asyncio.locks.Event object at 0x\u2026 [unset]> is bound to a different event loop";
var NO_RUNNING_LOOP = "RuntimeError: no running event loop";

// src/fix/edits.ts
function preferredQuote2(file, near) {
  const fromValue = (v) => {
    if (!v) return void 0;
    if (v.kind === "str" && v.quote && v.quote.length === 1) return v.quote;
    for (const i2 of v.items ?? []) {
      const q2 = fromValue(i2);
      if (q2) return q2;
    }
    for (const i2 of v.kwargs?.values() ?? []) {
      const q2 = fromValue(i2);
      if (q2) return q2;
    }
    return void 0;
  };
  const q = fromValue(near);
  if (q) return q;
  let fileQuote = fileQuotes.get(file);
  if (fileQuote === void 0) {
    fileQuote = /(^|[=([,\s])(["'])[A-Za-z_]/m.exec(file.text)?.[2] ?? '"';
    fileQuotes.set(file, fileQuote);
  }
  return fileQuote;
}
var fileQuotes = /* @__PURE__ */ new WeakMap();
function pyString(s, quote) {
  return `${quote}${s}${quote}`;
}
function replaceValue(file, v, newStr) {
  const q = v.kind === "str" && v.quote && v.quote.length === 1 ? v.quote : preferredQuote2(file);
  return { path: file.path, start: v.span.start, end: v.span.end, text: pyString(newStr, q) };
}
function setKwarg(file, call, key2, valueText) {
  const existing = call.kwargs?.get(key2);
  if (existing) return { path: file.path, start: existing.span.start, end: existing.span.end, text: valueText };
  const args2 = call.argList;
  if (!args2) {
    return { path: file.path, start: call.span.end, end: call.span.end, text: `(${key2}=${valueText})` };
  }
  const inner = file.text.slice(args2.start + 1, args2.end - 1);
  const all = [...call.items ?? [], ...call.kwargs?.values() ?? []].sort((a, b) => a.span.start - b.span.start);
  const last = all[all.length - 1];
  if (!last || inner.trim() === "") {
    return { path: file.path, start: args2.start + 1, end: args2.end - 1, text: `${key2}=${valueText}` };
  }
  const lastEnd = last.span.end;
  const after = file.text.slice(lastEnd, args2.end - 1);
  const trailingComma = /^\s*,/.test(after);
  const multiline = inner.includes("\n") && /\n\s*$/.test(after.replace(/^\s*,/, ""));
  if (multiline) {
    const lineStart2 = file.text.lastIndexOf("\n", last.span.start - 1) + 1;
    const lastLineIndent = /^[ \t]*/.exec(file.text.slice(lineStart2))?.[0] ?? "    ";
    const insertAt = trailingComma ? lastEnd + (after.indexOf(",") + 1) : lastEnd;
    const text = trailingComma ? `
${lastLineIndent}${key2}=${valueText},` : `,
${lastLineIndent}${key2}=${valueText}`;
    return { path: file.path, start: insertAt, end: insertAt, text };
  }
  return { path: file.path, start: lastEnd, end: lastEnd, text: `, ${key2}=${valueText}` };
}
function removeKwarg(file, call, key2) {
  const v = call.kwargs?.get(key2);
  if (!v || !call.argList) return null;
  const keyStart = file.text.lastIndexOf(key2, v.span.start);
  if (keyStart < 0) return null;
  let start2 = keyStart;
  let end = v.span.end;
  const before = file.text.slice(call.argList.start + 1, start2);
  const after = file.text.slice(end, call.argList.end - 1);
  const commaAfter = /^\s*,\s*/.exec(after);
  if (commaAfter) end += commaAfter[0].length;
  else {
    const m = /,\s*$/.exec(before);
    if (m) start2 -= m[0].length;
  }
  return { path: file.path, start: start2, end, text: "" };
}
function localName(file, qualified) {
  for (const [local, q] of file.imports.names) if (q === qualified) return local;
  return void 0;
}
function markPrefix(file) {
  const py = localName(file, "pytest");
  if (py) return { prefix: `${py}.mark` };
  const mark = localName(file, "pytest.mark");
  if (mark) return { prefix: mark };
  return { prefix: "pytest.mark", importEdit: importEdit(file, "pytest") };
}
function importEdit(file, module2) {
  return sortedImportEdit(file, module2);
}
function insertDecorator(file, fn, decoratorText) {
  const lineStart2 = file.lineStarts[fn.anchor.line - 1];
  const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
  return { path: file.path, start: lineStart2, end: lineStart2, text: `${fn.indent}@${decoratorText}${eol}` };
}
function replaceCallee(file, v, newCallee) {
  const calleeEnd = v.argList ? v.argList.start : v.span.end;
  return { path: file.path, start: v.span.start, end: calleeEnd, text: newCallee };
}
function identifierUsedElsewhere(file, ident, except) {
  const re = new RegExp(`(?<![A-Za-z0-9_.])${ident.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_])`, "g");
  let m;
  while (m = re.exec(file.text)) {
    const at = m.index;
    if (except.some((e) => at >= e.start && at < e.end)) continue;
    const lineStart2 = file.text.lastIndexOf("\n", at - 1) + 1;
    const line = file.text.slice(lineStart2, file.text.indexOf("\n", at) < 0 ? void 0 : file.text.indexOf("\n", at));
    if (/^\s*(import|from)\s/.test(line)) continue;
    return true;
  }
  return false;
}
function deleteLines(file, lines) {
  const starts = file.lineStarts;
  const n = starts.length;
  const lineText2 = (l) => file.text.slice(starts[l - 1], l < n ? starts[l] : file.text.length);
  const blank = (l) => /^\s*$/.test(lineText2(l));
  const gone = /* @__PURE__ */ new Set();
  for (const l of lines) if (l >= 1 && l <= n) gone.add(l);
  if (!gone.size) return [];
  const keptNonBlank = (from, to) => {
    for (let l = from; l <= to; l++) if (!gone.has(l) && !blank(l)) return true;
    return false;
  };
  for (const first of [...gone].sort((a, b) => a - b)) {
    if (gone.has(first - 1)) continue;
    let last = first;
    while (gone.has(last + 1)) last++;
    const atTop = !keptNonBlank(1, first - 1);
    const atEnd = !keptNonBlank(last + 1, n);
    let before = first - 1;
    while (before >= 1 && !gone.has(before) && blank(before)) before--;
    let after = last + 1;
    while (after <= n && !gone.has(after) && blank(after)) after++;
    const blanksBefore = first - 1 - before;
    const blanksAfter = after - last - 1;
    if (atTop) for (let l = last + 1; l < after; l++) gone.add(l);
    else if (atEnd || blanksBefore > 0 && blanksAfter > 0) for (let l = before + 1; l < first; l++) gone.add(l);
  }
  if (!keptNonBlank(1, n)) return [{ path: file.path, start: 0, end: file.text.length, text: "" }];
  const out2 = [];
  const sorted = [...gone].sort((a, b) => a - b);
  for (let i2 = 0; i2 < sorted.length; ) {
    let j = i2;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const a = sorted[i2];
    const b = sorted[j];
    out2.push({ path: file.path, start: starts[a - 1], end: b < n ? starts[b] : file.text.length, text: "" });
    i2 = j + 1;
  }
  return out2;
}
function removeListItem(file, list, item) {
  const items = list.items ?? [];
  const i2 = items.indexOf(item);
  const next = items[i2 + 1];
  if (next) return { path: file.path, start: item.span.start, end: next.span.start, text: "" };
  const prev = items[i2 - 1];
  if (prev) return { path: file.path, start: prev.span.end, end: item.span.end, text: "" };
  return { path: file.path, start: item.span.start, end: item.span.end, text: "" };
}
function addPytestmarkEdits(file, markSuffix) {
  const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
  const { prefix, importEdit: imp } = markPrefix(file);
  const stmt = `pytestmark = ${prefix}.${markSuffix}`;
  const at = file.imports.insertAt;
  if (at > 0) {
    const edits = imp ? [sortedImportEdit(file, "pytest")] : [];
    edits.push({ path: file.path, start: at, end: at, text: `${eol}${eol}${stmt}` });
    return edits;
  }
  const top = importEdit(file, "pytest");
  const importText = imp ? `import pytest${eol}${eol}` : "";
  return [{ path: file.path, start: top.start, end: top.start, text: `${importText}${stmt}${eol}${eol}${eol}` }];
}
var STDLIB = new Set(
  "abc argparse array ast asyncio atexit base64 binascii bisect builtins bz2 calendar collections concurrent configparser contextlib contextvars copy csv ctypes dataclasses datetime decimal difflib dis email enum errno faulthandler fnmatch fractions functools gc getpass gettext glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json keyword linecache locale logging lzma math mimetypes multiprocessing numbers operator os pathlib pickle platform pprint queue random re reprlib resource secrets select selectors shlex shutil signal socket socketserver sqlite3 ssl stat statistics string struct subprocess sys sysconfig tempfile textwrap threading time timeit tomllib traceback types typing unicodedata unittest urllib uuid warnings weakref xml zipfile zlib zoneinfo".split(" ")
);
var THIRD_PARTY = /^(pytest\w*|_pytest|pluggy|anyio|trio|trio_asyncio|hypothesis|sniffio|uvloop|exceptiongroup|typing_extensions|attr|attrs|httpx|aiohttp|requests|pydantic|numpy|sqlalchemy|asyncpg|redis|starlette|fastapi|django|flask)$/;
function sectionOf(module2) {
  if (module2.startsWith(".")) return 3;
  const top = module2.split(".")[0];
  if (top === "__future__") return 0;
  if (STDLIB.has(top)) return 1;
  if (THIRD_PARTY.test(top)) return 2;
  return null;
}
function scanImports(text) {
  const out2 = [];
  let pos = 0;
  let block = 0;
  let sawBlank = false;
  let first = true;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEndIdx = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEndIdx).replace(/\r$/, "");
    const next = nl < 0 ? text.length : nl + 1;
    if (line.trim() === "") {
      sawBlank = true;
      pos = next;
      continue;
    }
    if (/^#/.test(line)) {
      pos = next;
      continue;
    }
    if (first && /^[rRuUbB]?("""|''')/.test(line)) {
      const q = /("""|''')/.exec(line)[1];
      const open = pos + line.indexOf(q);
      const close = text.indexOf(q, open + 3);
      if (close < 0) break;
      const e = text.indexOf("\n", close);
      pos = e < 0 ? text.length : e + 1;
      first = false;
      sawBlank = true;
      continue;
    }
    if (first && /^[rRuUbB]?["']/.test(line)) {
      pos = next;
      first = false;
      continue;
    }
    first = false;
    const m = /^(import|from)\s/.exec(line);
    if (!m) break;
    let end = lineEndIdx;
    let stmtNext = next;
    let multiline = false;
    if (/\(/.test(line) && !/\)/.test(line)) {
      const close = text.indexOf(")", pos);
      if (close < 0) break;
      const e = text.indexOf("\n", close);
      end = e < 0 ? text.length : e;
      stmtNext = e < 0 ? text.length : e + 1;
      multiline = true;
    } else {
      while (/\\\s*$/.test(text.slice(pos, end).replace(/\r$/, "")) && stmtNext < text.length) {
        const e = text.indexOf("\n", stmtNext);
        end = e < 0 ? text.length : e;
        stmtNext = e < 0 ? text.length : e + 1;
        multiline = true;
      }
    }
    if (text.charCodeAt(end - 1) === 13) end--;
    if (sawBlank && out2.length) block++;
    sawBlank = false;
    const stmtText = text.slice(pos, end);
    const stmt = parseImportStatement(stmtText, pos);
    if (stmt) out2.push({ ...stmt, lineStart: pos, end, next: stmtNext, block, multiline });
    pos = stmtNext;
  }
  return out2;
}
function parseImportStatement(s, base) {
  const code = s.replace(/#[^\n]*/g, (c2) => " ".repeat(c2.length));
  const entries = (listStart, list) => {
    const out2 = [];
    const re = /([A-Za-z_][\w.]*)(\s+as\s+([A-Za-z_]\w*))?/g;
    let m2;
    while (m2 = re.exec(list)) {
      const name2 = m2[1];
      out2.push({ name: name2, local: m2[3] ?? name2.split(".")[0], start: base + listStart + m2.index, end: base + listStart + m2.index + m2[0].length });
    }
    return out2;
  };
  let m = /^import\s+/.exec(code);
  if (m) {
    const list = code.slice(m[0].length);
    const es = entries(m[0].length, list);
    return es.length ? { kind: "import", module: es[0].name, entries: es } : null;
  }
  m = /^from\s+(\.*[\w.]*)\s+import\s+\(?/.exec(code);
  if (m) {
    const list = code.slice(m[0].length).replace(/\)\s*$/, "");
    return { kind: "from", module: m[1], entries: entries(m[0].length, list) };
  }
  return null;
}
function blockSection(stmts) {
  for (const s of stmts) {
    const c2 = sectionOf(s.module);
    if (c2 !== null) return c2;
  }
  return null;
}
function eolOf(file) {
  return file.text.includes("\r\n") ? "\r\n" : "\n";
}
function nameKey(n) {
  const t = /^[A-Z0-9_]+$/.test(n) && n.length > 1 ? "0" : /^[A-Z]/.test(n) ? "1" : "2";
  return `${t}${n.toLowerCase()}`;
}
function insertImportStatement(file, kind, module2, stmtText) {
  const eol = eolOf(file);
  const stmts = scanImports(file.text);
  if (!stmts.length) {
    const doc = /^(\s*(#[^\n]*\n)*\s*)("""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n/.exec(file.text);
    const at = doc ? doc[0].length : 0;
    return { path: file.path, start: at, end: at, text: `${stmtText}${eol}${doc ? "" : eol}` };
  }
  const section = sectionOf(module2) ?? 2;
  const blocks = [];
  for (const s of stmts) (blocks[s.block] ??= []).push(s);
  const same = blocks.find((b) => b && blockSection(b) === section);
  if (same) {
    const key2 = module2.toLowerCase();
    for (const s of same) {
      const after = kind === "import" ? s.kind === "from" || s.module.toLowerCase() > key2 : s.kind === "from" && s.module.toLowerCase() > key2;
      if (after) return { path: file.path, start: s.lineStart, end: s.lineStart, text: `${stmtText}${eol}` };
    }
    const last = same[same.length - 1];
    return { path: file.path, start: last.end, end: last.end, text: `${eol}${stmtText}` };
  }
  const before = blocks.filter((b) => b && (blockSection(b) ?? 99) < section).pop();
  if (before) {
    const last = before[before.length - 1];
    return { path: file.path, start: last.end, end: last.end, text: `${eol}${eol}${stmtText}` };
  }
  const firstStmt = stmts[0];
  return { path: file.path, start: firstStmt.lineStart, end: firstStmt.lineStart, text: `${stmtText}${eol}${eol}` };
}
function sortedImportEdit(file, module2) {
  return insertImportStatement(file, "import", module2, `import ${module2}`);
}
function fromImportEdits(file, module2, names) {
  const missing = names.filter((n) => file.imports.names.get(n) !== `${module2}.${n}`);
  if (!missing.length) return [];
  const stmt = scanImports(file.text).find((s) => s.kind === "from" && s.module === module2 && s.entries.length);
  if (!stmt) {
    const sorted = [...missing].sort((a, b) => nameKey(a) < nameKey(b) ? -1 : 1);
    return [insertImportStatement(file, "from", module2, `from ${module2} import ${sorted.join(", ")}`)];
  }
  const edits = [];
  const eol = eolOf(file);
  for (const n of [...missing].sort((a, b) => nameKey(a) < nameKey(b) ? -1 : 1)) {
    const before = stmt.entries.find((e) => nameKey(n) < nameKey(e.name));
    if (before) {
      let sep3 = ", ";
      if (stmt.multiline) {
        const ls = file.text.lastIndexOf("\n", before.start - 1) + 1;
        const indent = file.text.slice(ls, before.start);
        if (/^[ \t]+$/.test(indent)) sep3 = `,${eol}${indent}`;
      }
      edits.push({ path: file.path, start: before.start, end: before.start, text: `${n}${sep3}` });
    } else {
      const last = stmt.entries[stmt.entries.length - 1];
      edits.push({ path: file.path, start: last.end, end: last.end, text: `, ${n}` });
    }
  }
  const merged = /* @__PURE__ */ new Map();
  for (const e of edits) {
    const m = merged.get(e.start);
    if (m) m.text += e.text;
    else merged.set(e.start, { ...e });
  }
  return [...merged.values()];
}
function usesName(text, ident) {
  const re = new RegExp(`(?<![A-Za-z0-9_.])${ident.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_])`, "g");
  const importRanges = scanImports(text).map((s) => [s.lineStart, s.next]);
  let m;
  while (m = re.exec(text)) {
    const at = m.index;
    if (importRanges.some(([a, b]) => at >= a && at < b)) continue;
    const lineStart2 = text.lastIndexOf("\n", at - 1) + 1;
    const lineEnd = text.indexOf("\n", at);
    const line = text.slice(lineStart2, lineEnd < 0 ? void 0 : lineEnd);
    if (/^\s*(import|from)\s/.test(line)) continue;
    if (/^\s*#/.test(line)) continue;
    return true;
  }
  return false;
}
function applyText(text, edits) {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out2 = text;
  for (const e of sorted) out2 = out2.slice(0, e.start) + e.text + out2.slice(e.end);
  return out2;
}
function pruneImportEdits(file, edits) {
  const mine = edits.filter((e) => e.path === file.path);
  if (!mine.length) return [];
  const after = applyText(file.text, mine);
  const stmts = scanImports(file.text);
  const touched = (a, b) => mine.some((e) => e.start < b && a < e.end);
  const dead = /* @__PURE__ */ new Map();
  const cache = /* @__PURE__ */ new Map();
  for (const s of stmts) {
    if (touched(s.lineStart, s.next)) continue;
    for (const e of s.entries) {
      let gone = cache.get(e.local);
      if (gone === void 0) {
        gone = usesName(file.text, e.local) && !usesName(after, e.local);
        cache.set(e.local, gone);
      }
      if (gone) pushTo(dead, s, e);
    }
  }
  if (!dead.size) return [];
  const out2 = [];
  const whole = (s) => (dead.get(s)?.length ?? 0) === s.entries.length;
  const blocks = /* @__PURE__ */ new Map();
  for (const s of stmts) pushTo(blocks, s.block, s);
  const isBlankLineAt = (at) => {
    const m = /^[ \t]*\r?\n/.exec(file.text.slice(at));
    return m ? m[0].length : 0;
  };
  for (const block of blocks.values()) {
    if (block.every(whole)) {
      const start2 = block[0].lineStart;
      let end = block[block.length - 1].next;
      const prevBlank = start2 === 0 || /\n[ \t]*\r?\n$/.test(file.text.slice(0, start2)) || /^[ \t]*\r?\n$/.test(file.text.slice(0, start2));
      const blank = isBlankLineAt(end);
      if (prevBlank && blank && !touched(end, end + blank)) end += blank;
      out2.push({ path: file.path, start: start2, end, text: "" });
      continue;
    }
    for (const s of block) {
      const gone = dead.get(s);
      if (!gone) continue;
      if (whole(s)) {
        out2.push({ path: file.path, start: s.lineStart, end: s.next, text: "" });
        continue;
      }
      if (s.multiline) continue;
      const keep = s.entries.filter((e) => !gone.includes(e));
      const first = s.entries[0];
      const last = s.entries[s.entries.length - 1];
      out2.push({ path: file.path, start: first.start, end: last.end, text: keep.map((e) => file.text.slice(e.start, e.end)).join(", ") });
    }
  }
  return out2;
}
function deleteLinesEdit(file, span) {
  const start2 = file.lineStarts[span.line - 1];
  const end = file.lineStarts[span.endLine] ?? file.text.length;
  return { path: file.path, start: start2, end, text: "" };
}
function aloneOnLines(file, span) {
  const ls = file.text.lastIndexOf("\n", span.start - 1) + 1;
  const le = file.text.indexOf("\n", span.end);
  return /^[ \t]*$/.test(file.text.slice(ls, span.start)) && /^[ \t]*(#.*)?\r?$/.test(file.text.slice(span.end, le < 0 ? void 0 : le));
}
function removeFunctionEdit(file, fn) {
  const text = file.text;
  let start2 = file.lineStarts[fn.anchor.line - 1];
  for (; ; ) {
    if (start2 === 0) break;
    const prevStart = text.lastIndexOf("\n", start2 - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(prevStart, start2))) break;
    start2 = prevStart;
  }
  let end = fn.whole.end;
  const nl = text.indexOf("\n", end);
  end = nl < 0 ? text.length : nl + 1;
  let after = end;
  for (; ; ) {
    const m = /^[ \t]*\r?\n/.exec(text.slice(after));
    if (!m) break;
    after += m[0].length;
  }
  if (after < text.length && !/^[ \t]*$/.test(text.slice(after))) return { path: file.path, start: start2, end: after, text: "" };
  let before = start2;
  for (; ; ) {
    if (before === 0) break;
    const prevStart = text.lastIndexOf("\n", before - 2) + 1;
    if (!/^[ \t]*\r?\n$/.test(text.slice(prevStart, before))) break;
    before = prevStart;
  }
  return { path: file.path, start: before, end: text.length, text: "" };
}
function removeParamEdit(file, fn, name2) {
  const i2 = fn.params.findIndex((p2) => p2.name === name2);
  if (i2 < 0) return null;
  const p = fn.params[i2];
  const next = fn.params[i2 + 1];
  const prev = fn.params[i2 - 1];
  if (next) return { path: file.path, start: p.span.start, end: next.span.start, text: "" };
  if (prev) return { path: file.path, start: prev.span.end, end: p.span.end, text: "" };
  const m = /^\s*,/.exec(file.text.slice(p.span.end));
  return { path: file.path, start: p.span.start, end: p.span.end + (m ? m[0].length : 0), text: "" };
}
function addParamEdit(file, fn, name2) {
  const text = file.text;
  const nameAt = text.indexOf(fn.name, fn.defSpan.start);
  const open = nameAt < 0 ? -1 : text.indexOf("(", nameAt + fn.name.length);
  if (open < 0 || open > fn.defSpan.end) return null;
  let depth = 0;
  let close = -1;
  for (let i2 = open; i2 < fn.defSpan.end && close < 0; i2++) {
    const c2 = text[i2];
    if (c2 === '"' || c2 === "'") {
      const end = text.indexOf(c2, i2 + 1);
      if (end < 0) return null;
      i2 = end;
    } else if (c2 === "(" || c2 === "[" || c2 === "{") depth++;
    else if (c2 === ")" || c2 === "]" || c2 === "}") {
      depth--;
      if (depth === 0) close = i2;
    }
  }
  if (close < 0) return null;
  const params = fn.params;
  const firstSpecial = params.find((p) => p.hasDefault || p.kind !== "positional");
  const specialAt = firstSpecial ? firstSpecial.span.start : -1;
  if (specialAt >= 0) {
    const lineStart2 = text.lastIndexOf("\n", specialAt - 1) + 1;
    const own = /^[ \t]*$/.test(text.slice(lineStart2, specialAt));
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const sep3 = own ? `,${eol}${text.slice(lineStart2, specialAt)}` : ", ";
    return { path: file.path, start: specialAt, end: specialAt, text: `${name2}${sep3}` };
  }
  const plain = params.filter((p) => p.kind === "positional" && !p.hasDefault);
  const last = plain[plain.length - 1];
  if (!last) return { path: file.path, start: open + 1, end: open + 1, text: name2 };
  const after = text.slice(last.span.end, close);
  const trailingComma = /^\s*,/.test(after);
  const multiline = /\n\s*$/.test(after.replace(/^\s*,/, "")) && text.slice(open + 1, close).includes("\n");
  if (multiline) {
    const lineStart2 = text.lastIndexOf("\n", last.span.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart2))?.[0] ?? "    ";
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const at = trailingComma ? last.span.end + (after.indexOf(",") + 1) : last.span.end;
    return { path: file.path, start: at, end: at, text: trailingComma ? `${eol}${indent}${name2},` : `,${eol}${indent}${name2}` };
  }
  return { path: file.path, start: last.span.end, end: last.span.end, text: `, ${name2}` };
}

// src/rules/fixes.ts
function kwargSpan(file, v, key2) {
  const before = file.text.slice(0, v.span.start);
  const m = new RegExp(`${key2}\\s*=\\s*$`).exec(before);
  if (!m) return null;
  return { start: m.index, end: v.span.end };
}
function setTestLoopScopeFix(ctx, test, scope, kw) {
  const file = test.file;
  if (!file.exactText) return null;
  const hit = ctx.asyncio.asyncioMark(test);
  if (hit && (hit.mark.origin === "decorator" || hit.mark.origin === "pytestmark") && isBareMark(hit.mark) && !ctx.suite.hookMarks().some((h) => h.mark.name === "asyncio")) {
    const next = ctx.suite.marks(test, "asyncio", ctx.asyncio.baseClassMarksFirst).find((h) => h.mark !== hit.mark);
    const owner = hit.level === "class" && hit.cls ? ctx.suite.mro(hit.cls).find((c2) => c2.ownMarks.includes(hit.mark)) : void 0;
    const pytestmark = hit.level === "module" ? file.pytestmark : owner?.pytestmark;
    const removal = next && markScope(next.mark, kw) === scope && (hit.level !== "class" || owner) ? removeMarkEdits(file, hit.mark, pytestmark) : null;
    if (removal) {
      return { title: `Remove the bare asyncio mark that hides the one with \`${kw}="${scope}"\``, edits: removal, applicability: "safe" };
    }
  }
  const edits = [];
  const q = preferredQuote2(file, hit?.mark.value);
  const valueText = pyString(scope, q);
  if (hit && hit.level === "function" && hit.mark.origin === "decorator") {
    const mv = hit.mark.value;
    const other = kw === "loop_scope" ? "scope" : "loop_scope";
    const own = mv.kwargs?.get(kw);
    const otherValue = mv.kwargs?.get(other);
    const positional = mv.items ?? [];
    const unknown = [...mv.kwargs?.keys() ?? []].filter((k) => k !== "scope" && k !== "loop_scope" && k !== "loop_factories");
    const typo = !positional.length && unknown.length === 1 ? mv.kwargs?.get(unknown[0]) : void 0;
    if (own) {
      edits.push(setKwarg(file, mv, kw, valueText));
      const drop = otherValue && kw === "loop_scope" ? removeKwarg(file, mv, other) : null;
      if (drop) edits.push(drop);
    } else if (otherValue) {
      const sp = kwargSpan(file, otherValue, other);
      if (!sp) return null;
      edits.push({ path: file.path, start: sp.start, end: sp.end, text: `${kw}=${valueText}` });
    } else if (positional.length === 1 && positional[0].kind === "str" && !unknown.length) {
      edits.push({ path: file.path, start: positional[0].span.start, end: positional[0].span.end, text: `${kw}=${valueText}` });
    } else if (typo && typo.kind === "str" && isScope(typo.str)) {
      const sp = kwargSpan(file, typo, unknown[0]);
      if (!sp) return null;
      edits.push({ path: file.path, start: sp.start, end: sp.end, text: `${kw}=${valueText}` });
    } else {
      edits.push(setKwarg(file, mv, kw, valueText));
    }
  } else {
    const { prefix, importEdit: imp } = markPrefix(file);
    edits.push(insertDecorator(file, test.func, `${prefix}.asyncio(${kw}=${valueText})`));
    if (imp) edits.push(imp);
  }
  return {
    title: `Run \`${test.name}\` in the ${scope} loop: \`@pytest.mark.asyncio(${kw}="${scope}")\``,
    edits,
    applicability: "safe"
  };
}
function fixtureTargetLoop(ctx, fx, era) {
  let target = isScope(fx.scope) ? fx.scope : "function";
  for (const t of ctx.usersOf(fx)) {
    if (!ctx.asyncio.isAsyncioTest(t)) continue;
    const tl = ctx.asyncio.testLoop(t, era);
    if (!isKnown(tl)) continue;
    if (scopeRank(tl.scope) > scopeRank(target)) target = tl.scope;
  }
  return target;
}
function setFixtureLoopScopeFix(fx, scope, edits = []) {
  const file = fx.file;
  if (!file.exactText || fx.builtin) return null;
  const dv = fx.decorator.value;
  const q = preferredQuote2(file, dv);
  const valueText = pyString(scope, q);
  if (fx.decoratorKind === "pytest") {
    let pa = localName(file, "pytest_asyncio");
    if (!pa) {
      pa = "pytest_asyncio";
      if (!edits.some((e) => e.path === file.path && e.text.includes("import pytest_asyncio"))) edits.push(importEdit(file, "pytest_asyncio"));
    }
    edits.push(replaceCallee(file, dv, `${pa}.fixture`));
  }
  edits.push(setKwarg(file, dv, "loop_scope", valueText));
  return {
    title: `Set \`loop_scope="${scope}"\` on fixture \`${fx.name}\``,
    edits,
    applicability: "safe"
  };
}
function isBareMark(m) {
  return m.args.length === 0 && m.kwargs.size === 0;
}
function markScope(m, kw = "loop_scope") {
  const truthy = (v) => v && v.kind === "str" && v.str ? v.str : void 0;
  if (kw === "loop_scope") return truthy(m.kwargs.get("loop_scope")) ?? truthy(m.kwargs.get("scope"));
  return truthy(m.kwargs.get("scope"));
}
function removeMarkEdits(file, mark, pytestmark) {
  if (!file.exactText) return null;
  const alone = (sp) => {
    const ls = file.lineStarts[sp.line - 1];
    const le = file.text.indexOf("\n", sp.end);
    return /^[ \t]*$/.test(file.text.slice(ls, sp.start)) && /^[ \t]*(#.*)?\r?$/.test(file.text.slice(sp.end, le < 0 ? void 0 : le));
  };
  const lines = (sp) => Array.from({ length: sp.endLine - sp.line + 1 }, (_, i2) => sp.line + i2);
  if (mark.origin === "decorator") return alone(mark.span) ? deleteLines(file, lines(mark.span)) : null;
  if (mark.origin === "pytestmark" && pytestmark) {
    const v = pytestmark.value;
    if (v.kind === "list" || v.kind === "tuple") {
      const item = (v.items ?? []).find((i2) => i2.span.start === mark.span.start && i2.span.end === mark.span.end);
      if (!item) return null;
      if ((v.items ?? []).length > 1) return [removeListItem(file, v, item)];
    }
    return alone(pytestmark.span) ? deleteLines(file, lines(pytestmark.span)) : null;
  }
  return null;
}
function removeStatementEdit(file, fn, span) {
  const rest = file.text.slice(fn.defSpan.end, span.start) + file.text.slice(span.end, fn.whole.end);
  const code = rest.replace(/^\s*:/, "").replace(/^[ \t]*(#.*)?$/gm, "");
  if (!/\S/.test(code)) return { path: file.path, start: span.start, end: span.end, text: "pass" };
  return deleteLinesEdit(file, span);
}

// src/rules/pytest-asyncio/PA101.ts
var PA101 = {
  meta: {
    code: "PA101",
    name: "fixture-loop-scope-narrower-than-scope",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An async fixture\u2019s `loop_scope` is narrower than its caching `scope`.",
    fixable: true,
    docs: {
      what: "Flags `@pytest_asyncio.fixture(scope=S, loop_scope=L)` where L is narrower than S.",
      why: "A fixture cached for a whole session cannot live in a loop that is torn down after every test. pytest-asyncio requests the loop with the fixture\u2019s own scope, so pytest refuses: every test using the fixture errors at setup with `ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a session scoped request object`.",
      versions: "pytest-asyncio 0.24\u20131.4 (before 0.24 `loop_scope=` is a TypeError: PA204).",
      bad: `@pytest_asyncio.fixture(scope="session", loop_scope="function")
async def pool():
    return await create_pool()`,
      good: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool():
    return await create_pool()`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!eras.length) return;
    const newest = eras[eras.length - 1].era;
    for (const fx of ctx.fixturesInScope()) {
      if (fx.decoratorKind !== "pytest_asyncio" || !fx.loopScopeValue) continue;
      const ls = fx.loopScopeValue.str;
      const scope = fx.scope;
      if (!isScope(ls) || !isScope(scope)) continue;
      if (scopeRank(ls) >= scopeRank(scope)) continue;
      const versions = eras.flatMap((b) => b.versions);
      const target = fixtureTargetLoop(ctx, fx, newest) ?? scope;
      const fix = fx.file.exactText ? {
        title: target === scope ? `Set \`loop_scope="${scope}"\` to match \`scope="${scope}"\`` : `Set \`loop_scope="${target}"\`, the loop its tests run in`,
        edits: [replaceValue(fx.file, fx.loopScopeValue, target)],
        applicability: "safe"
      } : void 0;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Fixture \`${fx.name}\` is cached per ${scope} but asks for a ${ls}-scoped event loop, which is torn down sooner; every test that uses it errors at setup: \`${scopeMismatch(newest, ls, scope)}\`. Affects ${versionsText("pytest-asyncio", versions)}. Make the loop scope at least the caching scope: \`loop_scope="${target}"\`${target === scope ? "" : ` (${target}, because the tests using it run in the ${target} loop)`}.`,
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA102.ts
var PA102 = {
  meta: {
    code: "PA102",
    name: "fixture-default-loop-scope-narrower-than-scope",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "`asyncio_default_fixture_loop_scope` is narrower than the caching scope of a fixture that sets no `loop_scope`.",
    fixable: true,
    docs: {
      what: "Flags a fixture pytest-asyncio runs (an async `@pytest_asyncio.fixture`, an async `@pytest.fixture` in auto mode, or \u2014 from 1.1 \u2014 even a sync `@pytest_asyncio.fixture`) whose caching scope is wider than the ini option `asyncio_default_fixture_loop_scope` and which sets no `loop_scope` of its own.",
      why: "With no `loop_scope`, the fixture takes the ini default: a loop that is torn down sooner than the fixture\u2019s cache. pytest refuses the request and every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a session scoped request object`. Since pytest-asyncio 1.1 this also hits sync functions decorated with `@pytest_asyncio.fixture` (issue #1175).",
      versions: "pytest-asyncio 0.24\u20131.4 (async fixtures); 1.1\u20131.4 for sync `@pytest_asyncio.fixture`.",
      bad: `# pytest.ini: asyncio_default_fixture_loop_scope = function
@pytest_asyncio.fixture(scope="session")
async def outbox():
    ...`,
      good: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def outbox():
    ...`
    }
  },
  check(ctx) {
    const def = ctx.project.asyncio.fixtureDefault;
    if (!def || !isScope(def)) return;
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!eras.length) return;
    const newest = eras[eras.length - 1].era;
    const opt = ctx.project.iniOption("asyncio_default_fixture_loop_scope");
    for (const fx of ctx.fixturesInScope()) {
      if (fx.loopScopeValue || !isScope(fx.scope)) continue;
      if (scopeRank(fx.scope) <= scopeRank(def)) continue;
      const hitEras = eras.filter((b) => ctx.asyncio.handlesFixture(fx, b.era));
      if (!hitEras.length) continue;
      const versions = hitEras.flatMap((b) => b.versions);
      const related = opt ? [{ path: opt.path, line: opt.line, endLine: opt.endLine, message: `the default loop scope for fixtures is \`${def}\`` }] : [];
      if (!fx.func.isAsync) {
        const file = fx.file;
        const edits = [];
        const dv = fx.decorator.value;
        const pa = localName(file, "pytest_asyncio");
        const py = localName(file, "pytest");
        edits.push(replaceCallee(file, dv, `${py ?? "pytest"}.fixture`));
        if (!py) {
          const paImport = /^import pytest_asyncio[ \t]*$/m.exec(file.text);
          const stillUsed = pa ? identifierUsedElsewhere(file, pa, [{ start: dv.span.start, end: dv.argList?.start ?? dv.span.end }]) : true;
          if (paImport && !stillUsed) edits.push({ path: file.path, start: paImport.index, end: paImport.index + paImport[0].length, text: "import pytest" });
          else edits.push(importEdit(file, "pytest"));
        }
        ctx.report({
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          message: `Sync fixture \`${fx.name}\` is decorated with \`@pytest_asyncio.fixture(scope="${fx.scope}")\`, so from pytest-asyncio 1.1 it is set up inside the default ${def}-scoped loop, which is torn down sooner than its ${fx.scope} cache: \`${scopeMismatch(newest, def, fx.scope)}\`. Affects ${versionsText("pytest-asyncio", versions)}. It needs no event loop: use \`@pytest.fixture\`.`,
          related,
          ...fx.file.exactText ? { fix: { title: `Use \`@pytest.fixture\` for the sync fixture \`${fx.name}\``, edits, applicability: "safe" } } : {}
        });
        continue;
      }
      const target = fixtureTargetLoop(ctx, fx, newest) ?? fx.scope;
      const fix = setFixtureLoopScopeFix(fx, target);
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` is cached per ${fx.scope} but sets no \`loop_scope\`, so it takes \`asyncio_default_fixture_loop_scope = ${def}\`: a loop torn down sooner than its cache. Every test using it errors at setup: \`${scopeMismatch(newest, def, fx.scope)}\`. Affects ${versionsText("pytest-asyncio", versions)}. Give it \`loop_scope="${target}"\`.`,
        related,
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA104.ts
var PA104 = {
  meta: {
    code: "PA104",
    name: "test-runs-in-narrower-loop-than-fixture",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A test runs in a narrower event loop than an async fixture it uses, directly or through other fixtures.",
    fixable: true,
    docs: {
      what: "Flags an asyncio test whose loop scope (from its closest `asyncio` mark, the `asyncio_default_test_loop_scope` ini option, or the default `function`) is narrower than the loop scope of an async fixture in its fixture closure \u2014 requested directly, through a sync fixture, through `usefixtures`, or autouse.",
      why: "pytest-asyncio runs the fixture in the wider loop and the test in its own narrower loop. Anything loop-bound the fixture creates (connections, queues, locks, futures) then fails when the test awaits it: `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop`, `\u2026 is bound to a different event loop`, or `ValueError: The future belongs to a different loop`. asyncio primitives bind lazily, so failures can be intermittent.",
      versions: "pytest-asyncio 0.23 (a fixture always runs in its caching scope\u2019s loop) through 1.4. On 0.23 the fix is the mark\u2019s `scope=` argument; from 0.24 it is `loop_scope=`.",
      bad: `# conftest.py
@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool():
    return await create_pool()

# test_orders.py
@pytest.mark.asyncio
async def test_add(pool):
    await pool.execute("INSERT ...")`,
      good: `# test_orders.py
@pytest.mark.asyncio(loop_scope="session")
async def test_add(pool):
    await pool.execute("INSERT ...")`,
      references: [
        "https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/run_session_tests_in_same_loop.html",
        "https://github.com/pytest-dev/pytest-asyncio/issues/706"
      ]
    }
  },
  check(ctx) {
    for (const test of ctx.targetTests()) {
      if (!ctx.asyncio.isAsyncioTest(test)) continue;
      const hit = findNarrowerLoop(ctx, test);
      if (!hit) continue;
      const { fixture, via, testScope, fixtureScope, eras } = hit;
      const versions = eras.flatMap((e) => ctx.paEras.find((b) => b.era === e)?.versions ?? []);
      const markNote = hit.testSource === "ini" ? `(\`asyncio_default_test_loop_scope = ${testScope}\`)` : hit.testSource === "default" ? hit.marked ? `(its \`asyncio\` mark sets no \`loop_scope\`)` : "(no `asyncio` mark with a `loop_scope`)" : `(its \`asyncio\` mark)`;
      const chain = via.length ? ` through ${via.map((v) => `\`${v}\``).join(" \u2192 ")}` : "";
      const fixWithScope = eras.every((e) => e === "0.23");
      const fix = setTestLoopScopeFix(ctx, test, fixtureScope, fixWithScope ? "scope" : "loop_scope");
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` runs in a ${testScope}-scoped event loop ${markNote}, but it uses the async fixture \`${fixture.name}\`${chain} (${where(fixture)}), which runs in the ${fixtureScope} loop. Objects the fixture creates are bound to the ${fixtureScope} loop and fail when the test awaits them: \`${CROSS_LOOP_ERROR}\`. Affects ${versionsText("pytest-asyncio", versions)}${ctx.project.versions["pytest-asyncio"].assumed ? " (no pin found; assumed newest)" : ""}. Run the test in the fixture's loop` + (fixWithScope ? ` with \`@pytest.mark.asyncio(scope="${fixtureScope}")\`.` : ` with \`@pytest.mark.asyncio(loop_scope="${fixtureScope}")\`; or, if it must keep per-test loops, give the fixture \`loop_scope="function"\` (and function scope).`),
        related: [
          {
            path: fixture.file.path,
            line: fixture.func.anchor.line,
            endLine: fixture.func.anchor.endLine,
            message: `\`${fixture.name}\` runs in the ${fixtureScope} loop`
          }
        ],
        involves: [fixture.file.path],
        ...fix ? { fix } : {}
      });
    }
  }
};
function findNarrowerLoop(ctx, test) {
  let best = null;
  for (const { era } of ctx.paEras) {
    if (!eraAtLeast(era, "0.23")) continue;
    const tl = ctx.asyncio.testLoop(test, era);
    if (!isKnown(tl)) continue;
    for (const entry of ctx.suite.closure(test)) {
      const fx = entry.def;
      if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue;
      const fl = ctx.asyncio.fixtureLoop(fx, era);
      if (!isKnown(fl)) continue;
      if (isScope(fx.scope) && scopeRank(fl.scope) < scopeRank(fx.scope)) continue;
      if (effectiveRank(fl.scope, test) <= effectiveRank(tl.scope, test)) continue;
      if (!best || scopeRank(fl.scope) > scopeRank(best.fixtureScope)) {
        best = {
          fixture: fx,
          via: entry.via,
          testScope: tl.scope,
          fixtureScope: fl.scope,
          testSource: tl.source,
          marked: !!tl.mark,
          eras: [era]
        };
      } else if (best.fixture === fx && !best.eras.includes(era)) {
        best.eras.push(era);
      }
    }
  }
  return best;
}

// src/rules/pytest-asyncio/narrower-loop.ts
function narrowerLoopFixtures(ctx, autouse) {
  const byFixture = /* @__PURE__ */ new Map();
  for (const test of ctx.targetTests()) {
    if (!ctx.asyncio.isAsyncioTest(test)) continue;
    for (const { era } of ctx.paEras) {
      if (!eraAtLeast(era, "0.23")) continue;
      const tl = ctx.asyncio.testLoop(test, era);
      if (!isKnown(tl)) continue;
      for (const { def: fx } of ctx.suite.closure(test)) {
        if (fx.autouse !== autouse || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue;
        const fl = ctx.asyncio.fixtureLoop(fx, era);
        if (!isKnown(fl)) continue;
        if (isScope(fx.scope) && scopeRank(fl.scope) < scopeRank(fx.scope)) continue;
        if (effectiveRank(fl.scope, test) >= effectiveRank(tl.scope, test)) continue;
        let agg = byFixture.get(fx);
        if (!agg) {
          agg = { fx, fixtureScope: fl.scope, source: fl.source, tests: /* @__PURE__ */ new Map(), eras: /* @__PURE__ */ new Set() };
          byFixture.set(fx, agg);
        }
        const prev = agg.tests.get(test);
        if (!prev || scopeRank(tl.scope) > scopeRank(prev)) agg.tests.set(test, tl.scope);
        agg.eras.add(era);
      }
    }
  }
  return byFixture;
}

// src/rules/pytest-asyncio/PA105.ts
var PA105 = {
  meta: {
    code: "PA105",
    name: "test-runs-in-wider-loop-than-fixture",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An async fixture runs in a narrower event loop than the tests that use it.",
    fixable: true,
    docs: {
      what: "Flags an async fixture (not autouse: that is PA106) whose loop scope is narrower than the loop scope of an asyncio test that uses it. The finding sits on the fixture, because that is where the fix goes.",
      why: "The fixture is set up in its own (e.g. per-test) loop while the test runs in the wider loop, so objects it creates fail when the test awaits them: `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop`. On pytest-asyncio 0.23\u20130.26 the test does not even collect: `MultipleEventLoopsRequestedError`. On 1.0\u20131.1 the test may silently run in the fixture\u2019s loop instead of the one it asked for.",
      versions: "pytest-asyncio 0.23\u20131.4 (collection error on 0.23\u20130.26, wrong or crossed loops from 1.0).",
      bad: `# conftest.py
@pytest_asyncio.fixture
async def conn():
    ...

# test_carts.py
@pytest.mark.asyncio(loop_scope="module")
async def test_add(conn):
    ...`,
      good: `# conftest.py
@pytest_asyncio.fixture(loop_scope="module")
async def conn():
    ...`
    }
  },
  check(ctx) {
    const byFixture = narrowerLoopFixtures(ctx, false);
    for (const agg of byFixture.values()) {
      const { fx, fixtureScope } = agg;
      const scopes = new Set(agg.tests.values());
      const target = [...scopes].sort((a, b) => scopeRank(b) - scopeRank(a))[0];
      const eras = [...agg.eras];
      const versions = ctx.paEras.filter((b) => agg.eras.has(b.era)).flatMap((b) => b.versions);
      const tests = [...agg.tests.keys()];
      const names = tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 3 ? ` and ${tests.length - 3} more` : "");
      const old = eras.some((e) => !eraAtLeast(e, "1.0"));
      const why = agg.source === "ini" ? `(from \`asyncio_default_fixture_loop_scope\`)` : agg.source === "loop_scope" ? "(its `loop_scope`)" : "(its caching scope, with no `loop_scope` and no ini default)";
      const fixable = scopes.size === 1 && eras.every((e) => eraAtLeast(e, "0.24"));
      const fix = fixable ? setFixtureLoopScopeFix(fx, target) : null;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` runs in a ${fixtureScope}-scoped loop ${why}, but ${names} ${tests.length === 1 ? "runs" : "run"} in the ${target} loop. Objects it creates are bound to the fixture's loop: \`${CROSS_LOOP_ERROR}\`` + (old ? `; on pytest-asyncio 0.23\u20130.26 the tests fail to collect with \`${MULTIPLE_LOOPS_ERROR}\`` : "") + `. Affects ${versionsText("pytest-asyncio", versions)}. ` + (fixable ? `Give the fixture \`loop_scope="${target}"\` (its caching scope can stay ${fx.scope === "dynamic" || fx.scope === "invalid" ? "as is" : fx.scope}), or set \`asyncio_default_fixture_loop_scope = ${target}\`.` : `Its users run in different loops (${[...scopes].join(", ")}), so no single \`loop_scope\` fits them all: split the fixture or align the tests.`),
        related: tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` runs in the ${agg.tests.get(t)} loop and uses \`${fx.name}\` (${where(fx)})`
        })),
        involves: tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA108.ts
var PA108 = {
  meta: {
    code: "PA108",
    name: "unset-default-fixture-loop-scope",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "`asyncio_default_fixture_loop_scope` is not set.",
    fixable: true,
    docs: {
      what: "Flags a pytest configuration without `asyncio_default_fixture_loop_scope` (in the ini section or as `-o` in `addopts`) when pytest-asyncio 0.24 or newer is in use.",
      why: 'pytest-asyncio warns at start-up (`PytestDeprecationWarning: The configuration option "asyncio_default_fixture_loop_scope" is unset.` \u2014 not always visible with pytest \u2265 8.4) and silently gives every async fixture its caching scope as loop scope, so wider fixtures run in wider loops than bare-marked tests. A future version will default to `function`, turning every un-annotated wider fixture into a ScopeMismatch error. The fix sets the option and pins the loop scope of every wider async fixture, so behaviour does not change.',
      versions: "pytest-asyncio 0.24\u20131.4.",
      bad: `[pytest]
testpaths = tests`,
      good: `[pytest]
asyncio_default_fixture_loop_scope = function
testpaths = tests`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!eras.length || ctx.project.asyncio.disabled) return;
    if (ctx.project.asyncio.fixtureDefault !== null) return;
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return;
    const versions = eras.flatMap((b) => b.versions);
    const edits = [];
    const insert = ctx.project.insertIniOptionEdit("asyncio_default_fixture_loop_scope", "function");
    if (!insert) return;
    edits.push(insert.edit);
    const pinned = [];
    for (const fx of ctx.suite.allFixtures()) {
      if (fx.builtin || fx.loopScopeValue || !fx.func.isAsync || !isScope(fx.scope)) continue;
      if (scopeRank(fx.scope) <= scopeRank("function")) continue;
      if (!eras.some((b) => ctx.asyncio.handlesFixture(fx, b.era))) continue;
      const before = edits.length;
      const fix = setFixtureLoopScopeFix(fx, fx.scope, edits);
      if (!fix) edits.length = before;
      else pinned.push(fx);
    }
    const anchor = insert.anchor;
    ctx.report({
      path: anchor.path,
      span: anchor,
      symbol: `config:${anchor.path}::asyncio_default_fixture_loop_scope`,
      message: `\`asyncio_default_fixture_loop_scope\` is unset, so ${versionsText("pytest-asyncio", versions)} warns at start-up (\`PytestDeprecationWarning: The configuration option "asyncio_default_fixture_loop_scope" is unset.\`) and gives each async fixture its caching scope as loop scope. A future pytest-asyncio defaults it to \`function\`, which turns every wider async fixture without \`loop_scope\` into a ScopeMismatch error. Set it explicitly` + (pinned.length ? `, and pin \`loop_scope\` on ${pinned.map((f) => `\`${f.name}\``).join(", ")} so nothing changes today.` : "."),
      related: pinned.map((fx) => ({
        path: fx.file.path,
        line: fx.func.anchor.line,
        endLine: fx.func.anchor.endLine,
        message: `\`${fx.name}\` (scope ${fx.scope}) gets \`loop_scope="${fx.scope}"\``
      })),
      involves: pinned.map((fx) => fx.file.path),
      fix: { title: "Set `asyncio_default_fixture_loop_scope = function` and pin wider fixtures\u2019 loop scopes", edits, applicability: "safe" }
    });
  }
};

// src/rules/pytest-asyncio/versions.ts
function newestEra(ctx) {
  return ctx.paEras[ctx.paEras.length - 1]?.era ?? PA_ERAS[PA_ERAS.length - 1];
}
function erasWhere(ctx, pred) {
  const hit = ctx.paEras.filter((b) => pred(b.era));
  return { eras: hit.map((b) => b.era), versions: hit.flatMap((b) => b.versions) };
}
function pytestAtLeast(ctx, min) {
  const c2 = ctx.project.versions.pytest.candidates;
  return !c2.length || c2.some((v) => cmpVersion(v, min) >= 0);
}
function paVersions(ctx, buckets) {
  const versions = buckets.flatMap((b) => b.versions);
  return `${versionsText("pytest-asyncio", versions)}${ctx.project.versions["pytest-asyncio"].assumed ? " (no pin found; assumed newest)" : ""}`;
}
function affects(ctx, versions) {
  const info2 = ctx.project.versions["pytest-asyncio"];
  const all = versions.length === info2.candidates.length;
  if (all) return describeRange(info2);
  const at = info2.source ? ` in ${info2.source.path}:${info2.source.line}` : "";
  const by = info2.spec ? ` (allowed by \`${info2.spec}\`${at})` : "";
  return `pytest-asyncio ${describeSet(versions, "pytest-asyncio")}${by}`;
}

// src/rules/pytest-asyncio/PA103.ts
var PA103 = {
  meta: {
    code: "PA103",
    name: "wide-async-fixture-without-wide-event-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "pytest-asyncio 0.21: an async fixture wider than `function` has no `event_loop` override of at least its scope.",
    fixable: true,
    docs: {
      what: "On pytest-asyncio 0.21, flags an async fixture pytest-asyncio runs (`@pytest_asyncio.fixture`, or `@pytest.fixture` in auto mode) with a `class`, `module`, `package` or `session` scope when the tests that use it see no `event_loop` fixture of at least that scope. The fix is the 0.21 pattern: a session-scoped `event_loop` override in the nearest conftest covering those tests (a better fix is upgrading to pytest-asyncio \u2265 0.24 and using `loop_scope=`).",
      why: "On 0.21 every async fixture is run in the `event_loop` fixture, which pytest-asyncio injects into its arguments. The plugin\u2019s own `event_loop` is function-scoped, and a session fixture may not request a function fixture, so every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture event_loop with a session scoped request object, involved factories`.",
      versions: "pytest-asyncio 0.21 only (0.23 gives each scope its own loop; 1.0 removed `event_loop`).",
      bad: `# conftest.py
@pytest_asyncio.fixture(scope="session")
async def pool():
    return await create_pool()`,
      good: `# conftest.py
@pytest.fixture(scope="session")
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest_asyncio.fixture(scope="session")
async def pool():
    return await create_pool()`,
      references: ["https://pytest-asyncio.readthedocs.io/en/v0.21.2/reference/fixtures.html#event-loop"]
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => b.era === "0.21");
    if (!eras.length || ctx.project.asyncio.disabled) return;
    const byFixture = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      const ev = ctx.suite.resolve("event_loop", test);
      const evScope = ev && !ev.builtin ? ev.scope : "function";
      if (!isScope(evScope)) continue;
      for (const { def: fx } of ctx.suite.closure(test)) {
        if (fx.name === "event_loop" || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, "0.21")) continue;
        if (!isScope(fx.scope) || scopeRank(fx.scope) <= scopeRank(evScope)) continue;
        const agg = byFixture.get(fx) ?? { fx, scope: fx.scope, loop: ev && !ev.builtin ? ev : void 0, loopScope: evScope, tests: [] };
        agg.tests.push(test);
        byFixture.set(fx, agg);
      }
    }
    if (!byFixture.size) return;
    const versions = eras.flatMap((b) => b.versions);
    const allTests = [...byFixture.values()].flatMap((a) => a.tests);
    const target = ctx.paEras.length === eras.length ? overrideTarget(ctx, allTests) : null;
    const edits = target ? eventLoopEdits(target) : null;
    for (const agg of byFixture.values()) {
      const { fx, tests } = agg;
      const names = tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 3 ? ` and ${tests.length - 3} more` : "");
      const loopText = agg.loop ? `the nearest \`event_loop\` (${where(agg.loop)}) is ${agg.loopScope}-scoped` : "the only `event_loop` they see is the plugin\u2019s function-scoped one";
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `On ${affects(ctx, versions)} every async fixture runs in the \`event_loop\` fixture, and for ${names} ${loopText}. The ${agg.scope}-scoped fixture \`${fx.name}\` cannot request it, so each of those tests errors at setup: \`ScopeMismatch: You tried to access the ${agg.loopScope} scoped fixture event_loop with a ${agg.scope} scoped request object\`. ` + (target ? `Override \`event_loop\` with session scope in ${target.path} (the pytest-asyncio 0.21 pattern)` : "Override `event_loop` with session scope in a conftest covering these tests") + `; or upgrade to pytest-asyncio>=0.24 and use \`@pytest_asyncio.fixture(scope="${agg.scope}", loop_scope="${agg.scope}")\` with matching \`loop_scope\` marks on the tests.`,
        related: [
          ...agg.loop ? [{ path: agg.loop.file.path, line: agg.loop.func.anchor.line, endLine: agg.loop.func.anchor.endLine, message: `\`event_loop\` is ${agg.loopScope}-scoped here` }] : [],
          ...tests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` uses \`${fx.name}\`` }))
        ],
        involves: [...tests.map((t) => t.file.path), ...target ? [target.path] : []],
        ...edits ? { fix: { title: `Add a session-scoped \`event_loop\` fixture to ${target.path}`, edits, applicability: "safe" } } : {}
      });
    }
  }
};
function overrideTarget(ctx, tests) {
  const dirs = tests.map((t) => t.file.path.split("/").slice(0, -1));
  let common = dirs[0] ?? [];
  for (const d of dirs) {
    let i2 = 0;
    while (i2 < common.length && i2 < d.length && common[i2] === d[i2]) i2++;
    common = common.slice(0, i2);
  }
  for (let i2 = common.length; i2 >= 0; i2--) {
    const dir = common.slice(0, i2).join("/");
    const f = ctx.suite.files.get(dir ? `${dir}/conftest.py` : "conftest.py");
    if (f && f.kind === "conftest") return f.exactText ? f : null;
  }
  const files = new Set(tests.map((t) => t.file));
  if (files.size === 1) {
    const f = [...files][0];
    return f.exactText ? f : null;
  }
  return null;
}
function eventLoopEdits(file) {
  const own = file.fixtures.find((fx) => fx.name === "event_loop" && !fx.cls);
  if (own) {
    if (own.decoratorKind !== "pytest") return null;
    return [setKwarg(file, own.decorator.value, "scope", pyString("session", preferredQuote2(file, own.decorator.value)))];
  }
  const nl = file.text.includes("\r\n") ? "\r\n" : "\n";
  const asyncioName = localName(file, "asyncio");
  const pytestName = localName(file, "pytest");
  const imports = [...asyncioName ? [] : ["import asyncio"], ...pytestName ? [] : ["import pytest"]];
  const q = preferredQuote2(file);
  const body2 = [
    `@${pytestName ?? "pytest"}.fixture(scope=${pyString("session", q)})`,
    "def event_loop():",
    `    loop = ${asyncioName ?? "asyncio"}.new_event_loop()`,
    "    yield loop",
    "    loop.close()"
  ].join(nl);
  const at = file.imports.insertAt;
  if (at > 0) {
    const importEdits = [...asyncioName ? [] : [importEdit(file, "asyncio")], ...pytestName ? [] : [importEdit(file, "pytest")]];
    return [...importEdits, { path: file.path, start: at, end: at, text: nl + nl + nl + body2 }];
  }
  const doc = /^(\s*(#[^\n]*\n)*\s*)("""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n/.exec(file.text);
  const start2 = doc ? doc[0].length : 0;
  const rest = file.text.slice(start2);
  const lead = doc ? nl : "";
  const text = lead + imports.map((i2) => i2 + nl).join("") + nl + nl + body2 + nl + (rest.trim() ? nl + nl : "");
  return [{ path: file.path, start: start2, end: start2, text }];
}

// src/rules/pytest-asyncio/PA106.ts
var PA106 = {
  meta: {
    code: "PA106",
    name: "autouse-async-fixture-with-narrower-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An autouse async fixture runs in a narrower event loop than the tests it applies to.",
    fixable: true,
    docs: {
      what: 'Flags an `autouse=True` async fixture (in a conftest, module or class) whose loop scope is narrower than the loop scope of asyncio tests it is applied to \u2014 for example a plain `@pytest_asyncio.fixture(autouse=True)` (function loop) beside tests that run in the session loop through `asyncio_default_test_loop_scope = session` or `loop_scope="session"` marks. The finding sits on the fixture; the fix gives it the tests\u2019 loop scope.',
      why: "No test asks for an autouse fixture, so nothing in the test shows the mismatch. On pytest-asyncio 0.23\u20130.26 every such test fails to collect: `MultipleEventLoopsRequestedError: Multiple asyncio event loops with different scopes have been requested`. On 1.0\u20131.1 the tests may silently run in the fixture\u2019s per-test loop instead of the one they ask for. From 1.2 they run in their own loop while the fixture set things up in another, so anything loop-bound it creates (clients, caches, locks) fails in the tests: `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop`, or `ValueError: The future belongs to a different loop than the one specified as the loop argument`.",
      versions: "pytest-asyncio 0.23\u20131.4 (collection error on 0.23\u20130.26; wrong or crossed loops from 1.0). When only 1.2 or newer is allowed and the fixture visibly hands nothing to the tests (no yielded or returned value, no attribute, item or global assignment), it is a warning.",
      bad: `# conftest.py (with asyncio_default_test_loop_scope = session)
@pytest_asyncio.fixture(autouse=True)
async def fresh_backend():
    limits.backend = await CacheClient().connect()
    yield
    await limits.backend.close()`,
      good: `# conftest.py
@pytest_asyncio.fixture(autouse=True, loop_scope="session")
async def fresh_backend():
    limits.backend = await CacheClient().connect()
    yield
    await limits.backend.close()`
    }
  },
  check(ctx) {
    const byFixture = narrowerLoopFixtures(ctx, true);
    for (const agg of byFixture.values()) {
      const { fx, fixtureScope } = agg;
      const scopes = [...new Set(agg.tests.values())].sort((a, b) => scopeRank(b) - scopeRank(a));
      const target = scopes[0];
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era));
      const versions = eras.flatMap((b) => b.versions);
      const tests = [...agg.tests.keys()];
      const names = tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 3 ? ` and ${tests.length - 3} more` : "");
      const newest = eras[eras.length - 1].era;
      const old = eras.some((b) => !eraAtLeast(b.era, "1.0"));
      const why = agg.source === "ini" ? "(from `asyncio_default_fixture_loop_scope`)" : agg.source === "loop_scope" ? "(its `loop_scope`)" : "(its caching scope, with no `loop_scope` and no ini default)";
      const shares = sharesState(fx);
      const severity = eras.some((b) => !eraAtLeast(b.era, "1.2")) || shares ? "error" : "warning";
      const runtime = eraAtLeast(newest, "1.2") ? shares ? `anything loop-bound it creates fails when the tests use it: \`${CROSS_LOOP_ERROR}\`` : `it sets up in a loop of its own; that only works while it hands no loop-bound object to the tests (else \`${CROSS_LOOP_ERROR}\`)` : eraAtLeast(newest, "1.0") ? "the tests may silently run in the fixture\u2019s loop instead of their own" : `the tests fail to collect: \`${MULTIPLE_LOOPS_ERROR}\``;
      const fixable = scopes.length === 1 && eras.every((b) => eraAtLeast(b.era, "0.24"));
      const fix = fixable ? setFixtureLoopScopeFix(fx, target) : null;
      ctx.report({
        severity,
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Autouse fixture \`${fx.name}\` runs in a ${fixtureScope}-scoped loop ${why}, but it applies to ${names}, which ${tests.length === 1 ? "runs" : "run"} in the ${target} loop; ${runtime}` + (old && eraAtLeast(newest, "1.0") ? `; on pytest-asyncio 0.23\u20130.26 they fail to collect with \`${MULTIPLE_LOOPS_ERROR}\`` : "") + `. Affects ${affects(ctx, versions)}. ` + (fixable ? `Give it the tests\u2019 loop: \`loop_scope="${target}"\` (its caching scope can stay ${isScope(fx.scope) ? fx.scope : "as is"}).` : scopes.length > 1 ? `The tests it applies to run in different loops (${scopes.join(", ")}), so no single \`loop_scope\` fits: move the fixture into the conftest or module of one group, or align the tests.` : `On pytest-asyncio 0.23 a fixture\u2019s loop is its caching scope: upgrade to pytest-asyncio>=0.24 and set \`loop_scope="${target}"\`.`),
        related: tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` runs in the ${agg.tests.get(t)} loop; autouse \`${fx.name}\` (${where(fx)}) applies to it`
        })),
        involves: tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function sharesState(fx) {
  if (!fx.file.exactText) return true;
  const body2 = fx.file.text.slice(fx.func.defSpan.end, fx.func.whole.end);
  return /^\s*(yield|return)[ \t]+(?!None\b)\S/m.test(body2) || /^\s*(global|nonlocal)\s/m.test(body2) || /^\s*[A-Za-z_][\w.]*(\.[A-Za-z_]\w*|\[[^\]\n]*\])\s*(=|\+=|-=)(?!=)/m.test(body2);
}

// src/rules/pytest-asyncio/PA107.ts
var PA107 = {
  meta: {
    code: "PA107",
    name: "fixture-depends-on-fixture-in-other-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An async fixture requests an async fixture that runs in a different event loop.",
    fixable: true,
    docs: {
      what: "Flags an async fixture A that requests (as a parameter) an async fixture B whose loop scope differs from A\u2019s \u2014 typically a per-test `session`/`transaction` fixture (function loop) built on a session-loop engine or pool. The finding sits on the dependent fixture A; the fix gives A the loop scope of the fixture it depends on (its caching scope does not change).",
      why: "A\u2019s setup awaits objects B created in another loop, so it fails before the test body runs: `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop` (or `\u2026 is bound to a different event loop`). On pytest-asyncio 0.23\u20130.26 tests whose own loop is wider than function fail to collect with `MultipleEventLoopsRequestedError`.",
      versions: "pytest-asyncio 0.23\u20131.4 (on 0.23 a fixture\u2019s loop is its caching scope; `loop_scope=` needs 0.24).",
      bad: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine():
    ...

@pytest_asyncio.fixture
async def tx(engine):
    async with engine.acquire() as conn:
        yield conn`,
      good: `@pytest_asyncio.fixture(loop_scope="session")
async def tx(engine):
    async with engine.acquire() as conn:
        yield conn`,
      references: ["https://pytest-asyncio.readthedocs.io/en/stable/concepts.html#asyncio-event-loops"]
    }
  },
  check(ctx) {
    const byFixture = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      const closure = ctx.suite.closure(test);
      for (const { era } of ctx.paEras) {
        if (!eraAtLeast(era, "0.23")) continue;
        for (const { def: a } of closure) {
          if (a.builtin || !a.func.isAsync || !ctx.asyncio.handlesFixture(a, era)) continue;
          const la = ctx.asyncio.fixtureLoop(a, era);
          if (!isKnown(la)) continue;
          for (const arg of a.func.argnames) {
            const b = ctx.suite.resolve(arg, test, a);
            if (!b || b.builtin || b === a || !b.func.isAsync || !ctx.asyncio.handlesFixture(b, era)) continue;
            const lb = ctx.asyncio.fixtureLoop(b, era);
            if (!isKnown(lb)) continue;
            if (effectiveRank(la.scope, test) === effectiveRank(lb.scope, test)) continue;
            if (isScope(a.scope) && isScope(b.scope) && scopeRank(b.scope) < scopeRank(a.scope)) continue;
            if (isScope(a.scope) && scopeRank(la.scope) < scopeRank(a.scope)) continue;
            if (isScope(b.scope) && scopeRank(lb.scope) < scopeRank(b.scope)) continue;
            const agg = byFixture.get(a) ?? { fx: a, scope: la.scope, deps: /* @__PURE__ */ new Map(), eras: /* @__PURE__ */ new Set() };
            if (!agg.deps.has(b)) agg.deps.set(b, lb.scope);
            agg.eras.add(era);
            byFixture.set(a, agg);
          }
        }
      }
    }
    for (const agg of byFixture.values()) {
      const { fx } = agg;
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era));
      const versions = eras.flatMap((b) => b.versions);
      const deps = [...agg.deps.entries()];
      const depScopes = [...new Set(deps.map(([, s]) => s))];
      const target = depScopes.length === 1 ? depScopes[0] : null;
      const canSet = target !== null && eras.every((b) => eraAtLeast(b.era, "0.24")) && (!isScope(fx.scope) || scopeRank(target) >= scopeRank(fx.scope));
      const fix = canSet ? setFixtureLoopScopeFix(fx, target) : null;
      const old = eras.some((b) => !eraAtLeast(b.era, "1.0"));
      const depText = deps.map(([b, s]) => `\`${b.name}\` (${where(b)}, ${s} loop)`).join(", ");
      const [firstDep] = deps[0];
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` runs in the ${agg.scope} loop but requests ${depText}. Its setup awaits objects created in the other loop and fails before the test runs: \`${CROSS_LOOP_ERROR}\`` + (old ? `; on pytest-asyncio 0.23\u20130.26 tests in a wider-than-function loop fail to collect with \`${MULTIPLE_LOOPS_ERROR}\`` : "") + `. Affects ${affects(ctx, versions)}. ` + (canSet ? `Give \`${fx.name}\` the loop of the fixture it depends on: \`loop_scope="${target}"\` (its caching scope can stay ${isScope(fx.scope) ? fx.scope : "as is"}); tests using it then need the same loop scope.` : target && !eras.every((b) => eraAtLeast(b.era, "0.24")) ? `On pytest-asyncio 0.23 a fixture\u2019s loop is its caching scope: upgrade to pytest-asyncio>=0.24 and set \`loop_scope="${target}"\` on \`${fx.name}\`.` : target ? `\`${fx.name}\` is cached per ${fx.scope}, wider than the ${target} loop of \`${firstDep.name}\`: give \`${firstDep.name}\` a loop at least as wide as \`${fx.name}\`\u2019s.` : `The fixtures it depends on run in different loops (${depScopes.join(", ")}): align them first.`),
        related: deps.map(([b, s]) => ({
          path: b.file.path,
          line: b.func.anchor.line,
          endLine: b.func.anchor.endLine,
          message: `\`${b.name}\` runs in the ${s} loop`
        })),
        involves: deps.map(([b]) => b.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/marks.ts
function neededTestLoop(ctx, test, era) {
  const raw = ctx.project.asyncio.testDefault;
  const dflt = eraAtLeast(era, "0.26") && raw && isScope(raw) ? raw : "function";
  let widest = dflt;
  for (const e of ctx.suite.closure(test)) {
    if (!e.def.func.isAsync || !ctx.asyncio.handlesFixture(e.def, era)) continue;
    const fl = ctx.asyncio.fixtureLoop(e.def, era);
    if (!isKnown(fl)) continue;
    if (fl.scope === "class" && !test.cls) continue;
    if (scopeRank(fl.scope) > scopeRank(widest)) widest = fl.scope;
  }
  return widest === dflt ? null : widest;
}
function addAsyncioMarkEdits(ctx, test) {
  const file = test.file;
  const era = newestEra(ctx);
  const { prefix, importEdit: importEdit2 } = markPrefix(file);
  const loop = eraAtLeast(era, "0.23") ? neededTestLoop(ctx, test, era) : null;
  const kw = era === "0.23" ? "scope" : "loop_scope";
  const mark = loop ? `${prefix}.asyncio(${kw}=${pyString(loop, preferredQuote2(file))})` : `${prefix}.asyncio`;
  const edits = [insertDecorator(file, test.func, mark)];
  if (importEdit2) edits.push(importEdit2);
  return { edits, mark };
}
function markOwner(ctx, hit) {
  if (hit.level !== "class" || !hit.cls) return void 0;
  return ctx.suite.mro(hit.cls).find((c2) => c2.ownMarks.includes(hit.mark));
}
function markParseTiming(ctx, buckets, outcome) {
  const atSetup = buckets.filter((b) => b.era === "1.1" || b.era === "1.2" || b.era === "1.3");
  const atCollection = buckets.filter((b) => !atSetup.includes(b));
  const parts2 = [];
  if (atCollection.length) parts2.push(`${outcome.collection} on ${paVersions(ctx, atCollection)}`);
  if (atSetup.length) parts2.push(`${outcome.setup} on ${paVersions(ctx, atSetup)}`);
  return parts2.join(", and ");
}
var siteCache = /* @__PURE__ */ new WeakMap();
function markArgumentSites(ctx) {
  const cached = siteCache.get(ctx);
  if (cached) return cached;
  const out2 = [];
  siteCache.set(ctx, out2);
  const seen = /* @__PURE__ */ new Map();
  const push = (s) => {
    const same = seen.get(s.symbol) ?? 0;
    seen.set(s.symbol, same + 1);
    out2.push(same ? { ...s, symbol: `${s.symbol}#${same + 1}` } : s);
  };
  for (const file of ctx.targetFiles()) {
    if (file.kind === "test") {
      if (file.pytestmark) {
        for (const mark of file.moduleMarks) {
          if (mark.name !== "asyncio") continue;
          push({
            mark,
            file,
            anchor: file.pytestmark.span,
            symbol: `module:${file.path}::pytestmark`,
            where: `the module's \`pytestmark\``,
            pytestmark: file.pytestmark
          });
        }
      }
      const fixtureFuncs = new Set(file.fixtures.map((fx) => fx.func));
      for (const fn of allFunctions(file)) {
        if (fixtureFuncs.has(fn) || !ctx.project.isTestFunction(fn.name)) continue;
        const test = firstTestOf(file, fn);
        const symbol = test ? test.nodeid : `function:${file.path}::${fn.cls ? fn.cls.qualName + "::" : ""}${fn.name}`;
        for (const mark of fn.marks) {
          if (mark.name === "asyncio")
            push({ mark, file, anchor: fn.anchor, symbol, where: `\`${fn.name}\`` });
        }
        for (const mark of fn.paramMarks ?? []) {
          if (mark.name === "asyncio")
            push({
              mark,
              file,
              anchor: mark.span,
              symbol: `${symbol}[param]`,
              where: `a \`pytest.param\` of \`${fn.name}\``
            });
        }
      }
      const visit = (cls) => {
        for (const mark of cls.ownMarks) {
          if (mark.name !== "asyncio") continue;
          const inBody = mark.origin === "pytestmark" && cls.pytestmark;
          push({
            mark,
            file,
            anchor: inBody ? cls.pytestmark.span : cls.anchor,
            symbol: `class:${file.path}::${cls.qualName}`,
            where: `class \`${cls.name}\``,
            ...inBody ? { pytestmark: cls.pytestmark } : {}
          });
        }
        cls.classes.forEach(visit);
      };
      file.classes.forEach(visit);
    } else if (file.kind === "conftest" || file.kind === "plugin") {
      for (const hm of file.hookMarks) {
        if (hm.mark.name !== "asyncio") continue;
        push({
          mark: hm.mark,
          file,
          anchor: hm.call.span,
          symbol: `call:${file.path}::${hm.hook}::${hm.call.callee}`,
          where: `the \`${hm.call.callee}(...)\` call in \`${hm.hook}\``,
          hook: hm
        });
      }
    }
  }
  return out2;
}
function governingMarkSites(ctx) {
  const governs = /* @__PURE__ */ new Map();
  for (const t of ctx.suite.tests()) {
    if (!ctx.asyncio.isAsyncioTest(t)) continue;
    const hit = ctx.asyncio.asyncioMark(t);
    if (hit) pushTo(governs, hit.mark, t);
  }
  const out2 = [];
  const add = (mark, file, anchor, symbol) => {
    const tests = governs.get(mark) ?? [];
    const related = anchor.line === mark.span.line ? [] : [{ path: file.path, line: mark.span.line, endLine: mark.span.endLine, message: "the `asyncio` mark" }];
    out2.push({ mark, file, anchor, symbol, tests, related });
  };
  const markSpan = (m) => ({ line: m.span.line, endLine: m.span.endLine, col: m.span.col });
  const seen = /* @__PURE__ */ new Set();
  for (const file of ctx.targetFiles()) {
    for (const t of file.tests) {
      for (const m of t.func.marks) {
        if (m.name !== "asyncio" || seen.has(m)) continue;
        seen.add(m);
        if (m.origin === "decorator") add(m, file, t.func.anchor, testSymbol(t));
        else add(m, file, markSpan(m), `${testSymbol(t)}::${m.origin}`);
      }
    }
    const visit = (cls) => {
      for (const m of cls.ownMarks) {
        if (m.name !== "asyncio" || seen.has(m)) continue;
        seen.add(m);
        if (m.origin === "decorator") add(m, file, cls.anchor, `class:${file.path}::${cls.qualName}`);
        else add(m, file, markSpan(m), `pytestmark:${file.path}::${cls.qualName}`);
      }
      cls.classes.forEach(visit);
    };
    file.classes.forEach(visit);
    for (const m of file.moduleMarks) {
      if (m.name !== "asyncio" || seen.has(m)) continue;
      seen.add(m);
      add(m, file, markSpan(m), `pytestmark:${file.path}`);
    }
    for (const h of file.hookMarks) {
      if (h.mark.name !== "asyncio" || seen.has(h.mark)) continue;
      seen.add(h.mark);
      add(h.mark, file, h.call.span, `call:${file.path}::${h.hook}::add_marker`);
    }
  }
  return out2;
}

// src/rules/pytest-asyncio/options.ts
function configAnchor(ctx, key2, offset = null) {
  const cfg = ctx.project.config;
  const opt = cfg.options.get(key2);
  if (!opt || !cfg.path) return null;
  if (offset !== null && cfg.text !== null && offset >= opt.span.start && offset <= opt.span.end) {
    const before = cfg.text.slice(0, offset);
    const line = before.split("\n").length;
    const col = offset - (before.lastIndexOf("\n") + 1) + 1;
    return { path: cfg.path, line, endLine: line, col };
  }
  return { path: cfg.path, line: opt.span.line, endLine: opt.span.endLine, col: opt.span.col };
}

// src/rules/pytest-asyncio/values.ts
function pyRepr(s) {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
function isFalsy2(v) {
  return v.kind === "none" || v.kind === "str" && v.str === "" || v.kind === "bool" && v.text === "False";
}
function editDistance(a, b) {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a.length; i2++) {
    let prev = dp[0];
    dp[0] = i2;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i2 - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
function closestName(raw, names) {
  const t = raw.trim().toLowerCase();
  const exact = names.find((n) => n === t);
  if (exact) return exact;
  if (t.length >= 3) {
    const pre = names.filter((n) => n.startsWith(t));
    if (pre.length === 1) return pre[0];
  }
  let best = null;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    const d = editDistance(t, n);
    if (d < bestD) {
      best = n;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= 2 ? best : null;
}

// src/rules/pytest-asyncio/PA109.ts
var PA109 = {
  meta: {
    code: "PA109",
    name: "invalid-loop-scope-value",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A loop scope value is not one of `function`, `class`, `module`, `package`, `session`.",
    fixable: true,
    docs: {
      what: 'Flags a loop scope that pytest-asyncio rejects: the `loop_scope=` (or deprecated `scope=`) argument of an `asyncio` mark that decides a test\u2019s loop, the `loop_scope=` argument of `@pytest_asyncio.fixture`, and the ini options `asyncio_default_fixture_loop_scope` and `asyncio_default_test_loop_scope`. Values are case-sensitive, so `"Session"` is as wrong as `"sesion"`. The fix is the valid scope the value most likely meant (lower-cased, or the closest name).',
      why: "pytest-asyncio validates the value only when it uses it, and each place fails differently. A mark fails the plugin\u2019s assertion (`AssertionError`, a collection error that interrupts the run); a fixture fails at setup (`KeyError` on 0.24\u20130.26, `fixture '_modul_scoped_runner' not found` from 1.1); an ini option stops pytest at start-up from 1.2 (`'sesion' is not a valid asyncio_default_test_loop_scope. Valid scopes are: function, class, module, package, session.`), and fails with an `AssertionError` or a missing-fixture error before that.",
      versions: "pytest-asyncio 0.24\u20131.4 for marks, fixtures and `asyncio_default_fixture_loop_scope`; 0.26\u20131.4 for `asyncio_default_test_loop_scope` (older versions do not read these: PA204, PA601).",
      bad: `@pytest.mark.asyncio(loop_scope="Session")
async def test_job_runs_all_steps():
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_job_runs_all_steps():
    ...`
    }
  },
  check(ctx) {
    const eras24 = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!eras24.length || ctx.project.asyncio.disabled) return;
    const newest = eras24[eras24.length - 1].era;
    const versions = eras24.flatMap((b) => b.versions);
    for (const site of governingMarkSites(ctx)) {
      if (!site.tests.length) continue;
      const ls = site.mark.kwargs.get("loop_scope");
      const key2 = ls && !isFalsy2(ls) ? "loop_scope" : "scope";
      const v = site.mark.kwargs.get(key2);
      if (!v || v.kind !== "str" || v.str === void 0 || v.str === "" || isScope(v.str)) continue;
      const raw = v.str;
      const intended = intendedScope(raw);
      const fix = intended && site.file.exactText ? { title: `Use \`${key2}="${intended}"\``, edits: [replaceValue(site.file, v, intended)], applicability: "safe" } : void 0;
      const names = testNames(site.tests);
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message: `The \`asyncio\` mark on ${names} sets \`${key2}=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(", ")}; names are case-sensitive). pytest-asyncio rejects it while parsing the mark: \`AssertionError\` (\`assert ${pyRepr(raw)} in {\u2026}\`), ${eraAtLeast(newest, "1.4") || !eraAtLeast(newest, "1.1") ? "a collection error that interrupts the run" : "an error at test setup"}. Affects ${affects(ctx, versions)}. ` + (intended ? `Use \`${key2}="${intended}"\`.` : `Use one of ${SCOPES.join(", ")}.`),
        related: site.related,
        involves: site.tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
    for (const fx of ctx.fixturesInScope()) {
      const v = fx.loopScopeValue;
      if (fx.decoratorKind !== "pytest_asyncio" || !v || v.kind !== "str" || v.str === void 0 || v.str === "" || isScope(v.str)) continue;
      const raw = v.str;
      const intended = intendedScope(raw);
      const fix = intended && fx.file.exactText ? { title: `Use \`loop_scope="${intended}"\``, edits: [replaceValue(fx.file, v, intended)], applicability: "safe" } : void 0;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Fixture \`${fx.name}\` sets \`loop_scope=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(", ")}; names are case-sensitive). Every test that uses it errors at setup: \`${fixtureValueError(newest, raw)}\`. Affects ${affects(ctx, versions)}. ` + (intended ? `Use \`loop_scope="${intended}"\`.` : `Use one of ${SCOPES.join(", ")}.`),
        ...fix ? { fix } : {}
      });
    }
    const options = [
      {
        key: "asyncio_default_fixture_loop_scope",
        since: "0.24",
        raw: ctx.project.settings.asyncioDefaultFixtureLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultFixtureLoopScope.origin.kind
      },
      {
        key: "asyncio_default_test_loop_scope",
        since: "0.26",
        raw: ctx.project.settings.asyncioDefaultTestLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultTestLoopScope.origin.kind
      }
    ];
    for (const o of options) {
      if (o.raw === null || o.raw === "" || isScope(o.raw) || o.origin !== "ini") continue;
      const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, o.since));
      if (!eras.length) continue;
      const loc = configAnchor(ctx, o.key);
      if (!loc) continue;
      const last = eras[eras.length - 1].era;
      const intended = intendedScope(o.raw);
      const edit = intended ? ctx.project.replaceIniValueEdit(o.key, intended) : null;
      const error = iniValueError(last, o.key, o.raw);
      ctx.report({
        path: loc.path,
        span: loc,
        symbol: `config:${loc.path}::${o.key}`,
        message: `\`${o.key} = ${o.raw}\` is not a loop scope (valid: ${SCOPES.join(", ")}; names are case-sensitive). ${error} Affects ${affects(ctx, eras.flatMap((b) => b.versions))}. ` + (intended ? `Use \`${o.key} = ${intended}\`.` : `Use one of ${SCOPES.join(", ")}.`),
        ...edit ? { fix: { title: `Set \`${o.key} = ${intended}\``, edits: [edit], applicability: "safe" } } : {}
      });
    }
  }
};
function fixtureValueError(era, raw) {
  if (eraAtLeast(era, "1.1")) return `fixture '_${raw}_scoped_runner' not found`;
  if (eraAtLeast(era, "1.0")) return `fixture '_${raw}_event_loop' not found`;
  return `KeyError: ${pyRepr(raw)}`;
}
function iniValueError(era, key2, raw) {
  if (eraAtLeast(era, "1.2"))
    return `pytest stops at start-up, before any test runs: \`${pyRepr(raw)} is not a valid ${key2}. Valid scopes are: function, class, module, package, session.\``;
  if (key2 === "asyncio_default_test_loop_scope") return "Every asyncio test without a `loop_scope` fails with an `AssertionError`.";
  return `Every async fixture without a \`loop_scope\` errors at setup: \`${fixtureValueError(era, raw)}\`.`;
}
function intendedScope(raw) {
  return closestName(raw, SCOPES);
}
function testNames(tests) {
  const names = tests.slice(0, 3).map((t) => `\`${t.name}\``);
  return names.join(", ") + (tests.length > 3 ? ` and ${tests.length - 3} more tests` : "");
}

// src/rules/pytest-asyncio/PA110.ts
var PA110 = {
  meta: {
    code: "PA110",
    name: "class-or-package-loop-without-collector",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A `class` or `package` loop scope is used where there is no enclosing class or package.",
    fixable: true,
    docs: {
      what: 'Flags an asyncio test that asks for a `class` loop (`@pytest.mark.asyncio(loop_scope="class")`, or `scope="class"` on 0.23) but is a module-level function, or a `package` loop in a directory tree with no `__init__.py`; and, on pytest-asyncio 0.23\u20130.26, an async fixture with a class (or package) loop used by such a test. The fix is `loop_scope="module"`, the narrowest collector that does exist.',
      why: "On pytest-asyncio 0.23\u20130.26 the loop belongs to the enclosing collector, and there is none: the test errors with `UsageError: test_burst_fires_once is marked to be run in an event loop with scope class, but is not part of any class.` From 1.0 it is accepted, but a class loop outside a class is just a per-test loop, so the mark has no effect (reported as info).",
      versions: "pytest-asyncio 0.23\u20130.26: error. 1.0\u20131.4: info for a class loop outside a class (same as `function`).",
      bad: `@pytest.mark.asyncio(loop_scope="class")
async def test_burst_fires_once():
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_burst_fires_once():
    ...`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const inPackage = packageCheck(ctx);
    const missing = (scope, test) => {
      if (scope === "class" && !test.cls) return "class";
      if (scope === "package" && !inPackage(test)) return "package";
      return null;
    };
    const sites = /* @__PURE__ */ new Map();
    for (const s of governingMarkSites(ctx)) sites.set(s.mark, s);
    const byMark = /* @__PURE__ */ new Map();
    const byFixture = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      if (!ctx.asyncio.isAsyncioTest(test)) continue;
      for (const { era } of ctx.paEras) {
        if (!eraAtLeast(era, "0.23")) continue;
        const error = !eraAtLeast(era, "1.0");
        const tl = ctx.asyncio.testLoop(test, era);
        const c2 = isKnown(tl) ? missing(tl.scope, test) : null;
        if (c2 && (error || c2 === "class" && tl.source !== "ini")) {
          const k = tl.source === "ini" ? "ini" : tl.mark?.mark;
          if (k) {
            const agg = byMark.get(k) ?? {
              mark: k === "ini" ? null : k,
              ...tl.value ? { value: tl.value } : {},
              key: tl.source === "scope-kwarg" ? "scope" : "loop_scope",
              collector: c2,
              tests: [],
              eras: /* @__PURE__ */ new Set()
            };
            if (!agg.tests.includes(test)) agg.tests.push(test);
            agg.eras.add(era);
            byMark.set(k, agg);
          }
        }
        if (!error) continue;
        for (const { def: fx } of ctx.suite.closure(test)) {
          if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue;
          const fl = ctx.asyncio.fixtureLoop(fx, era);
          const fc = isKnown(fl) ? missing(fl.scope, test) : null;
          if (!fc) continue;
          const agg = byFixture.get(fx) ?? { fx, collector: fc, source: fl.source, ...fl.value ? { value: fl.value } : {}, tests: [], eras: /* @__PURE__ */ new Set() };
          if (!agg.tests.includes(test)) agg.tests.push(test);
          agg.eras.add(era);
          byFixture.set(fx, agg);
        }
      }
    }
    for (const [k, agg] of byMark) {
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era));
      const errorEras = eras.filter((b) => !eraAtLeast(b.era, "1.0"));
      const severity = errorEras.length ? "error" : "info";
      const t0 = agg.tests[0];
      const names = agg.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (agg.tests.length > 3 ? ` and ${agg.tests.length - 3} more` : "");
      const site = k === "ini" ? void 0 : sites.get(k);
      const what = agg.collector === "class" ? "is not in a class" : "is not in a package (no `__init__.py` above it)";
      const runtime = errorEras.length ? `On ${affects(ctx, errorEras.flatMap((b) => b.versions))} that is an error: \`UsageError: ${t0.name} is marked to be run in an event loop with scope ${agg.collector}, but is not part of any ${agg.collector}.\`` + (errorEras.length < eras.length ? " From pytest-asyncio 1.0 it is accepted but is a per-test loop, the same as `function`." : "") : `${affects(ctx, eras.flatMap((b) => b.versions))} accepts it, but outside a class the class loop is a per-test loop: the mark has no effect (same as \`function\`).`;
      let fix;
      let path6;
      let span;
      let symbol;
      let related;
      if (k === "ini") {
        const opt = ctx.project.iniOption("asyncio_default_test_loop_scope");
        if (!opt) continue;
        path6 = opt.path;
        span = opt;
        symbol = `config:${opt.path}::asyncio_default_test_loop_scope`;
        related = agg.tests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` ${what}` }));
      } else {
        const file = site?.file ?? t0.file;
        path6 = file.path;
        span = site?.anchor ?? t0.func.anchor;
        symbol = site?.symbol ?? testSymbol(t0);
        related = site?.related ?? [];
        const governed = site?.tests ?? agg.tests;
        if (agg.value && agg.value.kind === "str" && file.exactText && governed.every((t) => agg.tests.includes(t))) {
          fix = { title: `Use \`${agg.key}="module"\``, edits: [replaceValue(file, agg.value, "module")], applicability: "safe" };
        }
      }
      ctx.report({
        severity,
        path: path6,
        span,
        symbol,
        message: `${names} ${agg.tests.length === 1 ? "asks" : "ask"} for a ${agg.collector}-scoped event loop (${k === "ini" ? `\`asyncio_default_test_loop_scope = ${agg.collector}\`` : `\`${agg.key}="${agg.collector}"\``}) but ${agg.tests.length === 1 ? "it" : "each"} ${what}. ${runtime} Use \`${agg.key === "scope" ? "scope" : "loop_scope"}="module"\` to share one loop per module` + (agg.collector === "class" ? ", or move the tests into a test class." : ", or make the directory a package with `__init__.py`."),
        related,
        involves: agg.tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
    for (const agg of byFixture.values()) {
      const { fx } = agg;
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era));
      const t0 = agg.tests[0];
      const names = agg.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (agg.tests.length > 3 ? ` and ${agg.tests.length - 3} more` : "");
      const allowed = ctx.paEras.every((b) => eraAtLeast(b.era, "0.24"));
      let fix = null;
      if (allowed && agg.source === "loop_scope" && agg.value?.kind === "str" && fx.file.exactText) {
        fix = { title: 'Use `loop_scope="module"`', edits: [replaceValue(fx.file, agg.value, "module")], applicability: "safe" };
      } else if (allowed && agg.source === "fixture-scope") {
        fix = setFixtureLoopScopeFix(fx, "module");
      }
      const why = agg.source === "loop_scope" ? `\`loop_scope="${agg.collector}"\`` : agg.source === "ini" ? `\`asyncio_default_fixture_loop_scope = ${agg.collector}\`` : `its caching scope \`${agg.collector}\``;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` runs in a ${agg.collector}-scoped loop (${why}), but ${names} ${agg.tests.length === 1 ? "uses" : "use"} it from outside any ${agg.collector}. On ${affects(ctx, eras.flatMap((b) => b.versions))} the loop is looked up from the test and there is none: \`UsageError: ${t0.name} is marked to be run in an event loop with scope ${agg.collector}, but is not part of any ${agg.collector}.\` ` + (fix ? 'Give it a module loop: `loop_scope="module"`.' : `Give it a module loop (\`loop_scope="module"\`, pytest-asyncio>=0.24), or use it only from tests in a ${agg.collector}.`),
        related: agg.tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` uses \`${fx.name}\` (${where(fx)}) outside a ${agg.collector}`
        })),
        involves: agg.tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function packageCheck(ctx) {
  const cache = /* @__PURE__ */ new Map();
  const root = ctx.project.rootdir;
  return (test) => {
    const parts2 = test.file.path.split("/").slice(0, -1);
    for (let i2 = parts2.length; i2 >= 0; i2--) {
      const dir = parts2.slice(0, i2).join("/");
      if (root && !(dir === root || dir.startsWith(root + "/"))) break;
      let has = cache.get(dir);
      if (has === void 0) {
        has = ctx.project.fileExists(dir ? `${dir}/__init__.py` : "__init__.py");
        cache.set(dir, has);
      }
      if (has) return true;
    }
    return false;
  };
}

// src/rules/pytest-asyncio/PA204.ts
var PA204 = {
  meta: {
    code: "PA204",
    name: "loop-scope-kwarg-on-pre-0-24",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "`loop_scope=` is used, but the pinned pytest-asyncio is older than 0.24 and does not have it.",
    fixable: true,
    docs: {
      what: "Flags `@pytest_asyncio.fixture(loop_scope=\u2026)` and `@pytest.mark.asyncio(loop_scope=\u2026)` when the project\u2019s pins allow a pytest-asyncio older than 0.24 (code written from the current docs against an old pin). Fixes: on 0.23 the mark\u2019s spelling is `scope=`, so `loop_scope=` becomes `scope=`; a fixture\u2019s `loop_scope=` is removed when its caching scope already gives the same loop on 0.23 (a fixture\u2019s loop *is* its caching scope there); otherwise the message says to upgrade, with no edit.",
      why: "On a fixture it is a `TypeError: fixture() got an unexpected keyword argument 'loop_scope'` when the module is imported, so nothing in that module (or below that conftest) is collected. On a mark it is silently ignored: the test runs in the function-scoped `event_loop` while its session fixture lives in the session loop, and fails with `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop`.",
      versions: "pytest-asyncio 0.21\u20130.23 (`loop_scope=` was added in 0.24). On 0.21 marks take no arguments at all.",
      bad: `# requirements-dev.txt: pytest-asyncio==0.23.8
@pytest.mark.asyncio(loop_scope="session")
async def test_open_ticket(db):
    ...`,
      good: `@pytest.mark.asyncio(scope="session")
async def test_open_ticket(db):
    ...`
    }
  },
  check(ctx) {
    const old = ctx.paEras.filter((b) => !eraAtLeast(b.era, "0.24"));
    if (!old.length || ctx.project.asyncio.disabled) return;
    const oldVersions = old.flatMap((b) => b.versions);
    const allOld = old.length === ctx.paEras.length;
    const only023 = ctx.paEras.every((b) => b.era === "0.23");
    for (const fx of ctx.fixturesInScope()) {
      const v = fx.loopScopeValue;
      if (fx.decoratorKind !== "pytest_asyncio" || !v) continue;
      const same = isFalsy2(v) || v.kind === "str" && v.str === fx.scope;
      const edit = allOld && same && fx.file.exactText ? removeKwarg(fx.file, fx.decorator.value, "loop_scope") : null;
      const where2 = fx.file.kind === "conftest" ? `so importing ${fx.file.path} fails and no test below it is collected` : `so importing ${fx.file.path} fails and none of its tests is collected`;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `\`loop_scope=\` on \`@pytest_asyncio.fixture\` was added in pytest-asyncio 0.24. On ${affects(ctx, oldVersions)} the decorator rejects it: \`TypeError: fixture() got an unexpected keyword argument 'loop_scope'\`, ${where2}. ` + (edit ? `There a fixture\u2019s loop is its caching scope (${fx.scope}), so removing \`loop_scope=\` keeps the same loop; or upgrade to pytest-asyncio>=0.24.` : `Upgrade to pytest-asyncio>=0.24` + (allOld ? ` (on ${oldVersions.length === 1 ? oldVersions[0] : "these versions"} a fixture\u2019s loop is always its caching scope, so \`loop_scope=${v.text}\` cannot be expressed).` : ", or drop `loop_scope=` where the caching scope gives the same loop.")),
        ...edit ? { fix: { title: "Remove `loop_scope=` (pytest-asyncio < 0.24 does not accept it)", edits: [edit], applicability: "safe" } } : {}
      });
    }
    for (const site of governingMarkSites(ctx)) {
      const v = site.mark.kwargs.get("loop_scope");
      if (!v || isFalsy2(v) || !site.tests.length) continue;
      const wanted = v.kind === "str" ? v.str : void 0;
      const differs = site.tests.some(
        (t) => old.some((b) => {
          const tl = ctx.asyncio.testLoop(t, b.era);
          return wanted === void 0 || !isScope(wanted) || tl.scope !== wanted;
        })
      );
      if (!differs) continue;
      let fix;
      if (only023 && site.file.exactText) {
        if (site.mark.kwargs.has("scope")) {
          const e = removeKwarg(site.file, site.mark.value, "loop_scope");
          if (e) fix = { title: "Remove `loop_scope=` (pytest-asyncio 0.23 reads `scope=`)", edits: [e], applicability: "safe" };
        } else {
          const sp = kwargSpan(site.file, v, "loop_scope");
          if (sp) fix = { title: `Use \`scope=${v.text}\` (the pytest-asyncio 0.23 spelling)`, edits: [{ path: site.file.path, start: sp.start, end: sp.start + "loop_scope".length, text: "scope" }], applicability: "safe" };
        }
      }
      const t0 = site.tests[0];
      const actual = ctx.asyncio.testLoop(t0, old[old.length - 1].era);
      const names = site.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (site.tests.length > 3 ? ` and ${site.tests.length - 3} more` : "");
      ctx.report({
        severity: "warning",
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message: `\`loop_scope=\` on the \`asyncio\` mark was added in pytest-asyncio 0.24; ${affects(ctx, oldVersions)} silently ignores it, so ${names} ${site.tests.length === 1 ? "runs" : "run"} in the ${actual.scope === "invalid" || actual.scope === "dynamic" ? "function" : actual.scope}-scoped loop, not the ${wanted ?? v.text} loop. Anything loop-bound that a wider-loop fixture creates then fails in the test: \`RuntimeError: Task \u2026 got Future \u2026 attached to a different loop\`. ` + (old.some((b) => b.era === "0.21") ? "On 0.21 the mark takes no arguments at all (override `event_loop` instead); upgrade to pytest-asyncio>=0.24." : only023 ? `On 0.23 the argument is \`scope=\`: \`@pytest.mark.asyncio(scope=${v.text})\`; or upgrade to pytest-asyncio>=0.24.` : "Require pytest-asyncio>=0.24."),
        related: site.related,
        involves: site.tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA303.ts
var MODES = ["auto", "strict"];
var PA303 = {
  meta: {
    code: "PA303",
    name: "invalid-asyncio-mode",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "`asyncio_mode` is neither `auto` nor `strict`.",
    fixable: true,
    docs: {
      what: "Flags an `asyncio_mode` ini option, or an `--asyncio-mode` flag in `addopts`, whose value is not `auto` or `strict` \u2014 typically `legacy`, a mode removed in pytest-asyncio 0.20, or a typo. The fix is the mode the value most likely meant: `auto` for `legacy` (it ran unmarked coroutine tests the way auto mode does), the closest name for a typo, otherwise `auto` when the suite has unmarked async tests and `strict` when it does not.",
      why: "pytest-asyncio validates the mode at start-up and pytest stops before running anything: `ERROR: 'legacy' is not a valid asyncio_mode. Valid modes: auto, strict.`",
      versions: "pytest-asyncio 0.21\u20131.4 (legacy mode was removed in 0.20).",
      bad: `[pytest]
asyncio_mode = legacy`,
      good: `[pytest]
asyncio_mode = auto`
    }
  },
  check(ctx) {
    if (!ctx.paEras.length || ctx.project.asyncio.disabled) return;
    const setting = ctx.project.settings.asyncioMode;
    const raw = setting.value;
    if (MODES.includes(raw)) return;
    const mode = intendedMode(ctx, raw);
    const cfg = ctx.project.config;
    const origin = setting.origin;
    let loc;
    let edit = null;
    let where2;
    let symbol;
    if (origin.kind === "ini") {
      loc = configAnchor(ctx, "asyncio_mode");
      edit = ctx.project.replaceIniValueEdit("asyncio_mode", mode);
      where2 = `\`asyncio_mode = ${raw}\``;
      symbol = `config:${loc?.path}::asyncio_mode`;
    } else if (origin.kind === "addopts" && origin.option) {
      const arg = origin.args[origin.args.length - 1];
      loc = configAnchor(ctx, "addopts", origin.args[0]?.start ?? null);
      where2 = `\`--asyncio-mode=${raw}\` in \`addopts\``;
      symbol = `config:${loc?.path}::addopts::--asyncio-mode`;
      if (arg && arg.start !== null && arg.end !== null && cfg.path && cfg.text !== null && cfg.text.slice(arg.start, arg.end) === arg.text && arg.text.endsWith(raw)) {
        edit = { path: cfg.path, start: arg.end - raw.length, end: arg.end, text: mode };
      }
    } else return;
    if (!loc) return;
    const legacy = raw.trim().toLowerCase() === "legacy";
    ctx.report({
      path: loc.path,
      span: loc,
      symbol,
      message: `${where2} is not a pytest-asyncio mode` + (legacy ? " (legacy mode was removed in pytest-asyncio 0.20)" : "") + `, so pytest stops at start-up before running any test: \`${pyRepr(raw)} is not a valid asyncio_mode. Valid modes: auto, strict.\` Affects ${affects(ctx, ctx.paEras.flatMap((b) => b.versions))}. Use \`${mode}\`` + (mode === "auto" ? " (every coroutine test and async fixture is handled without marks, as before); `strict` needs `@pytest.mark.asyncio` on each async test." : " (tests need `@pytest.mark.asyncio`, async fixtures `@pytest_asyncio.fixture`); `auto` handles every coroutine test without marks."),
      ...edit ? { fix: { title: `Set the asyncio mode to \`${mode}\``, edits: [edit], applicability: "safe" } } : {}
    });
  }
};
function intendedMode(ctx, raw) {
  const close = closestName(raw, MODES);
  if (close) return close;
  if (raw.trim().toLowerCase() === "legacy") return "auto";
  let unmarked = false;
  for (const t of ctx.suite.tests()) {
    if (!t.func.isAsync) continue;
    if (ctx.suite.closestMark(t, "anyio") || ctx.suite.closestMark(t, "trio")) return "strict";
    if (!ctx.asyncio.asyncioMark(t)) unmarked = true;
  }
  return unmarked ? "auto" : "strict";
}

// src/rules/pytest-asyncio/PA601.ts
var PA601 = {
  meta: {
    code: "PA601",
    name: "unknown-option-for-installed-version",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A pytest-asyncio option is set that the pinned pytest-asyncio version does not have.",
    fixable: true,
    docs: {
      what: "Flags `asyncio_default_fixture_loop_scope` (added in pytest-asyncio 0.24), `asyncio_default_test_loop_scope` (0.26) and `asyncio_debug` (1.2) in the pytest configuration when the pinned pytest-asyncio predates them, and the `--asyncio-debug` flag in `addopts` before 1.2. When no allowed version knows the option, the fix removes it (it has no effect there); otherwise upgrade the pin.",
      why: "pytest does not know the option, warns `PytestConfigWarning: Unknown config option: asyncio_default_fixture_loop_scope` (an error with `--strict-config`) and ignores it. The suite then behaves as if the option were not there: tests you expected to share a session loop run in per-test loops and fail with cross-loop errors. An unknown `--asyncio-debug` flag stops pytest at start-up (`error: unrecognized arguments: --asyncio-debug`).",
      versions: "`asyncio_default_fixture_loop_scope` before 0.24, `asyncio_default_test_loop_scope` before 0.26, `asyncio_debug` / `--asyncio-debug` before 1.2.",
      bad: `# requirements-dev.txt: pytest-asyncio==0.23.8
[pytest]
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function`,
      good: `# requirements-dev.txt: pytest-asyncio==0.23.8
[pytest]
asyncio_mode = strict`
    }
  },
  check(ctx) {
    if (!ctx.paEras.length || ctx.project.asyncio.disabled) return;
    const s = ctx.project.settings;
    const strict = s.strictConfig.value;
    const options = [
      { key: "asyncio_default_fixture_loop_scope", since: "0.24", sinceText: "0.24", kind: s.asyncioDefaultFixtureLoopScope.origin.kind },
      { key: "asyncio_default_test_loop_scope", since: "0.26", sinceText: "0.26", kind: s.asyncioDefaultTestLoopScope.origin.kind },
      { key: "asyncio_debug", since: "1.2", sinceText: "1.2", kind: ctx.project.config.options.has("asyncio_debug") ? "ini" : "default" }
    ];
    const candidates = ctx.project.versions["pytest-asyncio"].candidates;
    for (const o of options) {
      if (o.kind !== "ini") continue;
      const lacking = candidates.filter((v) => !eraAtLeast(paEra(v), o.since));
      if (!lacking.length) continue;
      const loc = configAnchor(ctx, o.key);
      if (!loc) continue;
      const all = lacking.length === candidates.length;
      const edit = all ? ctx.project.removeIniOptionEdit(o.key) : null;
      ctx.report({
        severity: strict ? "error" : "warning",
        path: loc.path,
        span: loc,
        symbol: `config:${loc.path}::${o.key}`,
        message: `\`${o.key}\` was added in pytest-asyncio ${o.sinceText}, so ${affects(ctx, lacking)} does not know it: pytest warns \`PytestConfigWarning: Unknown config option: ${o.key}\`` + (strict ? " (an error here, because `--strict-config` is on)" : "") + ` and ignores it, so the suite runs as if it were not set. ` + (all ? `Remove it, or upgrade to pytest-asyncio>=${o.sinceText} to get its effect${o.key === "asyncio_debug" ? "" : " (until then, set loop scopes with `asyncio` marks)"}.` : `Require pytest-asyncio>=${o.sinceText} so every allowed version reads it.`),
        ...edit ? { fix: { title: `Remove \`${o.key}\` (pytest-asyncio ${describeSet(lacking, "pytest-asyncio")} does not know it)`, edits: [edit], applicability: "safe" } } : {}
      });
    }
    const debug = s.asyncioDebug;
    if (debug.origin.kind === "addopts" && debug.origin.option) {
      const args2 = debug.origin.args;
      const lacking = candidates.filter((v) => !eraAtLeast(paEra(v), "1.2"));
      const loc = configAnchor(ctx, "addopts", args2[0]?.start ?? null);
      if (lacking.length && loc) {
        const all = lacking.length === candidates.length;
        const edit = all ? removeAddoptsArgsEdit(ctx.project.config, args2) : null;
        ctx.report({
          severity: "error",
          path: loc.path,
          span: loc,
          symbol: `config:${loc.path}::addopts::--asyncio-debug`,
          message: `\`--asyncio-debug\` in \`addopts\` was added in pytest-asyncio 1.2, so with ${affects(ctx, lacking)} pytest stops at start-up: \`error: unrecognized arguments: --asyncio-debug\`. ` + (all ? "Remove the flag, or upgrade to pytest-asyncio>=1.2." : "Require pytest-asyncio>=1.2."),
          ...edit ? { fix: { title: "Remove `--asyncio-debug` from `addopts`", edits: [edit], applicability: "safe" } } : {}
        });
      }
    }
  }
};

// src/rules/pytest-asyncio/PA602.ts
var PA602 = {
  meta: {
    code: "PA602",
    name: "fixture-default-wider-than-test-default",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "The default loop scope for fixtures is wider than the default loop scope for tests.",
    fixable: true,
    docs: {
      what: "Flags `asyncio_default_fixture_loop_scope` set wider than the tests\u2019 default loop scope (`asyncio_default_test_loop_scope`, or `function` when it is unset or before pytest-asyncio 0.26), when at least one asyncio test without its own `loop_scope` uses an async fixture that takes the fixture default. The finding sits on the fixture default; the fix adds (or widens) `asyncio_default_test_loop_scope` to the same scope, which pytest-asyncio reads from 0.26.",
      why: "The fixture default moves only fixtures: every un-annotated async fixture runs in, say, the session loop, while every un-annotated test keeps a per-test loop. Anything loop-bound a fixture creates then fails in the tests: `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop` (issue #934).",
      versions: "pytest-asyncio 0.24\u20131.4; the test default exists from 0.26, so on 0.24\u20130.25 mark the tests instead.",
      bad: `[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = session`,
      good: `[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = session
asyncio_default_test_loop_scope = session`
    }
  },
  check(ctx) {
    const project = ctx.project;
    const fd = project.asyncio.fixtureDefault;
    if (!fd || !isScope(fd) || fd === "function" || project.asyncio.disabled) return;
    if (project.settings.asyncioDefaultFixtureLoopScope.origin.kind !== "ini") return;
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!eras.length) return;
    const td = project.asyncio.testDefault;
    if (td && !isScope(td) && eras.some((b) => eraAtLeast(b.era, "0.26"))) return;
    const hitEras = /* @__PURE__ */ new Set();
    let example = null;
    for (const test2 of ctx.suite.tests()) {
      if (!ctx.asyncio.isAsyncioTest(test2)) continue;
      for (const { era } of eras) {
        const tl = ctx.asyncio.testLoop(test2, era);
        if (!isKnown(tl) || tl.source !== "default" && tl.source !== "ini") continue;
        for (const { def: fx } of ctx.suite.closure(test2)) {
          if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue;
          const fl = ctx.asyncio.fixtureLoop(fx, era);
          if (fl.source !== "ini" || !isKnown(fl)) continue;
          if (effectiveRank(fl.scope, test2) <= effectiveRank(tl.scope, test2)) continue;
          hitEras.add(era);
          if (!example) example = { test: test2, fixture: fx, testScope: tl.scope };
        }
      }
    }
    if (!example) return;
    const loc = configAnchor(ctx, "asyncio_default_fixture_loop_scope");
    if (!loc) return;
    const versions = eras.filter((b) => hitEras.has(b.era)).flatMap((b) => b.versions);
    const testDefaultText = td ? `\`asyncio_default_test_loop_scope = ${td}\`` : "`asyncio_default_test_loop_scope` is unset, so tests default to `function`";
    const canSetTestDefault = ctx.paEras.every((b) => eraAtLeast(b.era, "0.26"));
    const edit = canSetTestDefault ? testDefaultEdit(ctx, fd) : null;
    const { test, fixture, testScope } = example;
    ctx.report({
      path: loc.path,
      span: loc,
      symbol: `config:${loc.path}::asyncio_default_fixture_loop_scope`,
      message: `\`asyncio_default_fixture_loop_scope = ${fd}\` puts every async fixture without a \`loop_scope\` in the ${fd} loop, but ${testDefaultText}` + (td && !canSetTestDefault ? " (read only from pytest-asyncio 0.26)" : "") + `: un-annotated tests run in a ${testScope}-scoped loop. E.g. \`${test.name}\` (${test.file.path}:${test.func.defSpan.line}) uses \`${fixture.name}\` (${where(fixture)}); objects the fixture creates fail in the test: \`${CROSS_LOOP_ERROR}\`. Affects ${affects(ctx, versions)}. ` + (canSetTestDefault ? `Set \`asyncio_default_test_loop_scope = ${fd}\` so tests share the fixtures\u2019 loop, or set the fixture default to \`function\` and give wider fixtures their own \`loop_scope\`.` : `\`asyncio_default_test_loop_scope\` needs pytest-asyncio>=0.26: upgrade and set it to \`${fd}\`, or mark the tests with \`@pytest.mark.asyncio(loop_scope="${fd}")\`.`),
      related: [{ path: test.file.path, line: test.func.anchor.line, endLine: test.func.anchor.endLine, message: `\`${test.name}\` runs in a ${testScope} loop and uses \`${fixture.name}\` (${fd} loop)` }],
      involves: [test.file.path, fixture.file.path],
      ...edit ? { fix: { title: `Set \`asyncio_default_test_loop_scope = ${fd}\``, edits: [edit], applicability: "safe" } } : {}
    });
  }
};
function testDefaultEdit(ctx, scope) {
  const project = ctx.project;
  const key2 = "asyncio_default_test_loop_scope";
  const td = project.asyncio.testDefault;
  if (td !== null) {
    if (project.settings.asyncioDefaultTestLoopScope.origin.kind !== "ini") return null;
    if (isScope(td) && scopeRank(td) >= scopeRank(scope)) return null;
    return project.replaceIniValueEdit(key2, scope);
  }
  const cfg = project.config;
  const opt = cfg.options.get("asyncio_default_fixture_loop_scope");
  if (!opt || !cfg.path || cfg.text === null) return null;
  if (cfg.syntax === "toml" && opt.writtenKeyPath === void 0) return null;
  const text = cfg.text;
  const nl = cfg.lineEnding;
  const lineStart2 = text.lastIndexOf("\n", opt.span.start - 1) + 1;
  const indent = text.slice(lineStart2, opt.span.start);
  if (!/^[ \t]*$/.test(indent)) return null;
  let at = opt.span.end;
  while (at < text.length && text[at] !== "\n" && text[at] !== "\r") at++;
  const atEnd = at >= text.length;
  if (!atEnd) at += text[at] === "\r" && text[at + 1] === "\n" ? 2 : 1;
  const prefix = opt.writtenKeyPath && opt.writtenKeyPath.length > 1 ? opt.writtenKeyPath.slice(0, -1).join(".") + "." : "";
  const quote = opt.quote === "'" || opt.quote === "'''" ? "'" : '"';
  const line = `${indent}${prefix}${key2} = ${renderValue(cfg, scope, quote)}`;
  return { path: cfg.path, start: at, end: at, text: atEnd ? `${nl}${line}${nl}` : `${line}${nl}` };
}

// src/rules/groups/pa-loop.ts
var PA_LOOP_RULES = [PA103, PA106, PA107, PA109, PA110, PA204, PA303, PA601, PA602];

// src/rules/pytest-asyncio/PA201.ts
var PA201 = {
  meta: {
    code: "PA201",
    name: "mark-scope-kwarg-deprecated",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "The asyncio mark uses the deprecated `scope=` keyword instead of `loop_scope=`.",
    fixable: true,
    docs: {
      what: "Flags `pytest.mark.asyncio(scope=...)` \u2014 on a test, a class, a module `pytestmark`, a `pytest.param`, or in `item.add_marker(...)` \u2014 when the pinned pytest-asyncio is 0.24 or newer.",
      why: 'pytest-asyncio 0.24 renamed the keyword to `loop_scope`. The old name still selects the loop, but every marked test emits `PytestDeprecationWarning: The "scope" keyword argument to the asyncio marker has been deprecated. Please use the "loop_scope" argument instead.`, which fails suites that turn warnings into errors, and a future release removes it. On 0.23 `scope=` is the only spelling (`loop_scope=` is silently ignored there), so nothing is reported when only 0.23 is allowed, and no fix is offered when the pins allow both.',
      versions: "pytest-asyncio 0.24\u20131.4 (warning at collection on 0.24\u20131.0 and 1.4, at each test\u2019s setup on 1.1\u20131.3).",
      bad: `@pytest.mark.asyncio(scope="module")
async def test_set_get(kv):
    await kv.set("a", 1)`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_set_get(kv):
    await kv.set("a", 1)`
    }
  },
  check(ctx) {
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!newer.length) return;
    const older = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.23") && !eraAtLeast(b.era, "0.24"));
    for (const site of markArgumentSites(ctx)) {
      const sc = site.mark.kwargs.get("scope");
      if (!sc || site.mark.kwargs.has("loop_scope")) continue;
      const key2 = kwargSpan(site.file, sc, "scope");
      const fix = !older.length && key2 && site.file.exactText ? {
        title: `Rename \`scope=\` to \`loop_scope=\` on the asyncio mark`,
        edits: [
          {
            path: site.file.path,
            start: key2.start,
            end: key2.start + "scope".length,
            text: "loop_scope"
          }
        ],
        applicability: "safe"
      } : null;
      const timing = markParseTiming(ctx, newer, {
        collection: "at collection",
        setup: "when each marked test is set up"
      });
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message: `The asyncio mark on ${site.where} passes \`scope=${sc.text}\`, the keyword pytest-asyncio 0.24 renamed to \`loop_scope\`. It still selects that loop, but every test the mark applies to emits \`${MARK_SCOPE_DEPRECATED}\` (${timing}), which fails runs with \`-W error\`, and a future release drops the old name. ` + (older.length ? `The pins also allow ${paVersions(ctx, older)}, where \`scope=\` is the only spelling and \`loop_scope=\` is silently ignored: require pytest-asyncio \u2265 0.24 first, then rename it to \`loop_scope=${sc.text}\`.` : `Rename it: \`loop_scope=${sc.text}\`.`),
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA202.ts
var PA202 = {
  meta: {
    code: "PA202",
    name: "mark-scope-and-loop-scope",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An asyncio mark passes both `scope=` and `loop_scope=`.",
    fixable: true,
    docs: {
      what: "Flags `pytest.mark.asyncio(scope=..., loop_scope=...)` wherever the mark is written (test, class, module `pytestmark`, `pytest.param`, `item.add_marker`) when pytest-asyncio 0.24 or newer is allowed.",
      why: 'pytest-asyncio refuses a mark that names the loop scope twice: `pytest.UsageError: An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".` On 0.24\u20131.0 and 1.4 the marker is parsed during collection, so the whole run stops; on 1.1\u20131.3 every test it marks errors at setup. The fix keeps `loop_scope`.',
      versions: "pytest-asyncio 0.24\u20131.4. 0.23 reads only `scope=` (a `loop_scope=` there is PA204).",
      bad: `@pytest.mark.asyncio(scope="module", loop_scope="module")
async def test_publish(channel):
    channel.put_nowait("hello")`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_publish(channel):
    channel.put_nowait("hello")`
    }
  },
  check(ctx) {
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.24"));
    if (!newer.length) return;
    const older = ctx.paEras.filter((b) => !eraAtLeast(b.era, "0.24"));
    for (const site of markArgumentSites(ctx)) {
      const sc = site.mark.kwargs.get("scope");
      const ls = site.mark.kwargs.get("loop_scope");
      if (!sc || !ls) continue;
      const edit = !older.length && site.file.exactText ? removeKwarg(site.file, site.mark.value, "scope") : null;
      const differ = sc.text !== ls.text;
      const timing = markParseTiming(ctx, newer, {
        collection: "while collecting, which stops the run",
        setup: "when each test it marks is set up, so those tests error"
      });
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message: `The asyncio mark on ${site.where} passes both \`scope=${sc.text}\` and \`loop_scope=${ls.text}\`. pytest-asyncio rejects it with \`${MARK_BOTH_SCOPES}\` ${timing}. ` + (differ ? `The two values differ: \`loop_scope=${ls.text}\` is the one pytest-asyncio \u2265 0.24 reads, so check it is the loop the tests need. ` : "") + (older.length ? `The pins also allow ${paVersions(ctx, older)}, which reads only \`scope=\`: require pytest-asyncio \u2265 0.24 and keep only \`loop_scope=\`.` : `Remove the deprecated \`scope=\` and keep \`loop_scope=${ls.text}\`.`),
        ...edit ? {
          fix: {
            title: "Remove `scope=` and keep `loop_scope=`",
            edits: [edit],
            applicability: "safe"
          }
        } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA203.ts
var KNOWN = /* @__PURE__ */ new Set(["scope", "loop_scope", "loop_factories"]);
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i2) => [
    i2,
    ...Array(b.length).fill(0)
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i2 = 1; i2 <= a.length; i2++) {
    for (let j = 1; j <= b.length; j++) {
      d[i2][j] = Math.min(
        d[i2 - 1][j] + 1,
        d[i2][j - 1] + 1,
        d[i2 - 1][j - 1] + (a[i2 - 1] === b[j - 1] ? 0 : 1)
      );
    }
  }
  return d[a.length][b.length];
}
function meantLoopScope(key2) {
  const k = key2.toLowerCase();
  return distance(k, "loop_scope") <= 3 || k === "event_loop_scope" || k === "scope_loop";
}
var PA203 = {
  meta: {
    code: "PA203",
    name: "mark-positional-or-unknown-kwarg",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "The asyncio mark gets a positional argument or a keyword it does not accept.",
    fixable: true,
    docs: {
      what: 'Flags `pytest.mark.asyncio("session")`, misspelt keywords such as `pytest.mark.asyncio(loop_scop="session")`, and `loop_factories=` on pytest-asyncio older than 1.4 \u2014 on tests, classes, `pytestmark`, `pytest.param` and `item.add_marker`.',
      why: "From 0.24 pytest-asyncio accepts only keyword arguments (`loop_scope`, the deprecated `scope`, and from 1.4 `loop_factories`) and raises `ValueError: mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'.` (older texts name only `scope` or `loop_scope`). On 0.24\u20131.0 and 1.4 that happens while collecting, so the module errors and the run stops; on 1.1\u20131.3 each marked test errors at setup. pytest-asyncio 0.23 ignores such arguments silently, so the test runs in the function loop instead of the one meant (reported as a warning).",
      versions: "pytest-asyncio 0.24\u20131.4 (error); 0.23 (silently ignored: warning).",
      bad: `@pytest.mark.asyncio("session")
async def test_health(client):
    assert (await client.get("/health")).json() == {"ok": True}`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_health(client):
    assert (await client.get("/health")).json() == {"ok": True}`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.23"));
    if (!eras.length) return;
    for (const site of markArgumentSites(ctx)) {
      const m = site.mark;
      if (!m.called) continue;
      const positional = m.args;
      const unknown = [...m.kwargs.keys()].filter((k) => !KNOWN.has(k));
      const factories = m.kwargs.has("loop_factories");
      const bad = (withFactories) => positional.length > 0 || unknown.length > 0 || withFactories && factories;
      const failing = eras.filter(
        (b) => eraAtLeast(b.era, "0.24") && bad(!eraAtLeast(b.era, "1.4"))
      );
      const ignoring = eras.filter((b) => !eraAtLeast(b.era, "0.24") && bad(false));
      if (!failing.length && !ignoring.length) continue;
      const newest = (failing[failing.length - 1] ?? eras[eras.length - 1]).era;
      const kw = failing.length && !ignoring.length && eras.every((b) => eraAtLeast(b.era, "0.24")) ? "loop_scope" : eras.every((b) => !eraAtLeast(b.era, "0.24")) ? "scope" : null;
      let edit = null;
      let meant = null;
      const hasScope = m.kwargs.has("loop_scope") || m.kwargs.has("scope");
      if (kw && site.file.exactText && !hasScope) {
        const arg = positional[0];
        if (positional.length === 1 && unknown.length === 0 && arg && arg.kind === "str" && isScope(arg.str)) {
          meant = `${kw}=${arg.text}`;
          edit = { path: site.file.path, start: arg.span.start, end: arg.span.end, text: meant };
        } else if (positional.length === 0 && unknown.length === 1 && meantLoopScope(unknown[0])) {
          const key2 = unknown[0];
          const v = m.kwargs.get(key2);
          const sp = kwargSpan(site.file, v, key2);
          if (sp) {
            meant = `${kw}=${v.text}`;
            edit = { path: site.file.path, start: sp.start, end: sp.end, text: meant };
          }
        }
      }
      const what = [
        ...positional.map((a) => `the positional argument \`${a.text}\``),
        ...unknown.map((k) => `the keyword \`${k}=\``),
        ...factories && failing.some((b) => !eraAtLeast(b.era, "1.4")) ? ["`loop_factories=` (new in pytest-asyncio 1.4)"] : []
      ].join(", ");
      const parts2 = [`The asyncio mark on ${site.where} passes ${what}.`];
      if (failing.length) {
        const timing = markParseTiming(ctx, failing, {
          collection: "while collecting, which stops the run",
          setup: "when each test it marks is set up, so those tests error"
        });
        parts2.push(
          `pytest-asyncio accepts only keyword arguments it knows and raises \`${markArgsError(newest)}\` ${timing}.`
        );
      }
      if (ignoring.length) {
        parts2.push(
          `${paVersions(ctx, ignoring)} ignores such arguments silently, so the tests run in the function loop instead of the one meant.`
        );
      }
      if (meant) parts2.push(`Pass the loop scope by keyword: \`${meant}\`.`);
      else if (factories && !positional.length && !unknown.length)
        parts2.push(
          "Require pytest-asyncio \u2265 1.4 (with a `pytest_asyncio_loop_factories` hook), or remove `loop_factories=`."
        );
      else parts2.push('Pass the loop scope as `loop_scope="<scope>"` and drop the other arguments.');
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        severity: failing.length ? "error" : "warning",
        message: parts2.join(" "),
        ...edit && meant ? {
          fix: {
            title: `Pass the loop scope by keyword: \`${meant}\``,
            edits: [edit],
            applicability: "safe"
          }
        } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA205.ts
function sameNode(a, b) {
  return a.level === b.level && (a.level !== "class" || a.cls === b.cls);
}
function describeHit(ctx, hit) {
  if (hit.level === "module") return `the module's \`pytestmark\` (line ${hit.mark.span.line})`;
  if (hit.level === "class")
    return `the mark on class \`${markOwner(ctx, hit)?.name ?? hit.cls?.name ?? "?"}\` (line ${hit.mark.span.line})`;
  return `its own mark (line ${hit.mark.span.line})`;
}
var PA205 = {
  meta: {
    code: "PA205",
    name: "closer-asyncio-mark-shadows-loop-scope",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A bare asyncio mark closer to the test hides the `loop_scope` of an outer asyncio mark.",
    fixable: true,
    docs: {
      what: "Flags a bare `@pytest.mark.asyncio` on a test (or a class) when an outer asyncio mark \u2014 on the class, or the module\u2019s `pytestmark` \u2014 selects a loop scope, and the bare mark changes the loop the test runs in.",
      why: "pytest-asyncio reads only the closest asyncio mark and never merges the arguments of several marks. The inner bare mark therefore wins, and the test runs in the default loop (`function`, or `asyncio_default_test_loop_scope`) instead of the class or module loop the outer mark asks for. Tests that share loop-bound state with class- or module-loop fixtures then fail with `RuntimeError: \u2026 attached to a different loop`, or silently stop sharing the loop.",
      versions: "pytest-asyncio 0.23 (`scope=`) and 0.24\u20131.4 (`loop_scope=`).",
      bad: `@pytest.mark.asyncio(loop_scope="class")
class TestCartItems:
    @pytest.mark.asyncio
    async def test_items_for_cart(self, cart_db):
        ...`,
      good: `@pytest.mark.asyncio(loop_scope="class")
class TestCartItems:
    async def test_items_for_cart(self, cart_db):
        ...`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.23"));
    if (!eras.length || ctx.project.asyncio.disabled) return;
    const byMark = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync) continue;
      const hits = ctx.suite.marks(test, "asyncio", ctx.asyncio.baseClassMarksFirst);
      const inner = hits[0];
      if (!inner || inner.level === "module" || !isBareMark(inner.mark)) continue;
      if (ctx.asyncio.asyncioMark(test)?.mark !== inner.mark) continue;
      if (hits.filter((h) => sameNode(h, inner)).length > 1) continue;
      if (inner.level === "function" && (test.func.paramMarks ?? []).some((m) => m.name === "asyncio"))
        continue;
      const outer = hits.find((h) => !sameNode(h, inner) && markScope(h.mark) !== void 0);
      if (!outer) continue;
      let actual = "";
      let intended = "";
      const affected = eras.filter((b) => {
        const want = markScope(outer.mark, eraAtLeast(b.era, "0.24") ? "loop_scope" : "scope");
        if (!want) return false;
        const got = ctx.asyncio.testLoop(test, b.era);
        if (got.scope === want) return false;
        actual = got.source === "ini" ? `${got.scope} loop (\`asyncio_default_test_loop_scope\`)` : `${got.scope} loop`;
        intended = want;
        return true;
      });
      if (!affected.length) continue;
      const agg = byMark.get(inner.mark);
      if (agg) agg.tests.push(test);
      else
        byMark.set(inner.mark, {
          inner,
          outer,
          tests: [test],
          actual,
          intended,
          versions: affected
        });
    }
    for (const { inner, outer, tests, actual, intended, versions } of byMark.values()) {
      const test = tests[0];
      const file = test.file;
      let anchor;
      let symbol;
      let subject;
      let pytestmark;
      if (inner.level === "function") {
        anchor = test.func.anchor;
        symbol = testSymbol(test);
        subject = `\`${test.name}\` has its own bare \`@${inner.mark.value.text}\``;
      } else {
        const owner = markOwner(ctx, inner);
        pytestmark = inner.mark.origin === "pytestmark" ? owner.pytestmark : void 0;
        anchor = pytestmark ? pytestmark.span : owner.anchor;
        symbol = `class:${file.path}::${owner.qualName}`;
        subject = `Class \`${owner.name}\` has a bare asyncio mark`;
      }
      const kw = versions.every((b) => !eraAtLeast(b.era, "0.24")) ? "scope" : "loop_scope";
      const edits = removeMarkEdits(file, inner.mark, pytestmark);
      const names = tests.map((t) => `\`${t.name}\``);
      ctx.report({
        path: file.path,
        span: anchor,
        symbol,
        message: `${subject}, and pytest-asyncio reads only the closest asyncio mark (the arguments of several marks are never merged), so the \`${kw}="${intended}"\` of ${describeHit(ctx, outer)} does not apply: ${names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more run` : `${names.join(", ")} ${names.length === 1 ? "runs" : "run"}`} in the ${actual} instead of the ${intended} loop. Affects ${paVersions(ctx, versions)}. Remove the inner mark (the outer one already marks the tests), or repeat the scope on it: \`@pytest.mark.asyncio(${kw}="${intended}")\`.`,
        related: [
          {
            path: file.path,
            line: outer.mark.span.line,
            endLine: outer.mark.span.endLine,
            message: `this mark's \`${kw}="${intended}"\` is hidden by the closer bare mark`
          }
        ],
        ...edits ? {
          fix: {
            title: "Remove the bare asyncio mark so the outer mark\u2019s loop scope applies",
            edits,
            applicability: "safe"
          }
        } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA206.ts
function shown(m) {
  return m.origin === "decorator" ? `@${m.value.text}` : m.value.text;
}
var PA206 = {
  meta: {
    code: "PA206",
    name: "multiple-asyncio-marks-on-one-node",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A test, class or module carries more than one asyncio mark.",
    fixable: true,
    docs: {
      what: "Flags a test with two stacked asyncio decorators (or an asyncio decorator plus a `pytest.param(..., marks=pytest.mark.asyncio(...))`), a class with two asyncio marks, or a `pytestmark` list with two asyncio marks.",
      why: "pytest-asyncio reads only the first asyncio mark of a node, and which one is first is easy to get wrong: decorators apply bottom-up, so the decorator closest to `def` wins; in a `pytestmark` list the first element wins; a function\u2019s decorator wins over a `pytest.param` mark. The other mark \u2014 often the one with the intended `loop_scope` \u2014 is silently ignored, and the test runs in another loop than it declares.",
      versions: "All pytest-asyncio versions that read the mark\u2019s arguments (0.23\u20131.4).",
      bad: `@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.asyncio
async def test_follower_sees_post(feed):
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_follower_sees_post(feed):
    ...`
    }
  },
  check(ctx) {
    const nodes = [];
    for (const file of ctx.targetFiles()) {
      if (file.kind !== "test") continue;
      if (file.pytestmark) {
        const marks = file.moduleMarks.filter((m) => m.name === "asyncio");
        nodes.push({
          file,
          marks,
          paramMarks: [],
          anchor: file.pytestmark.span,
          symbol: `module:${file.path}::pytestmark`,
          subject: "The module's `pytestmark` list",
          winnerWhy: "the first element of the list",
          pytestmark: file.pytestmark
        });
      }
      const fixtureFuncs = new Set(file.fixtures.map((fx) => fx.func));
      for (const fn of allFunctions(file)) {
        if (fixtureFuncs.has(fn) || !ctx.project.isTestFunction(fn.name)) continue;
        const test = firstTestOf(file, fn);
        nodes.push({
          file,
          marks: fn.marks.filter((m) => m.name === "asyncio"),
          paramMarks: (fn.paramMarks ?? []).filter((m) => m.name === "asyncio"),
          anchor: fn.anchor,
          symbol: test ? test.nodeid : `function:${file.path}::${fn.cls ? fn.cls.qualName + "::" : ""}${fn.name}`,
          subject: `\`${fn.name}\``,
          winnerWhy: "the decorator closest to `def` (decorators apply bottom-up)"
        });
      }
      const visit = (cls) => {
        const marks = cls.ownMarks.filter((m) => m.name === "asyncio");
        const allBody = marks.every((m) => m.origin === "pytestmark");
        const allDecorators = marks.every((m) => m.origin === "decorator");
        nodes.push({
          file,
          marks,
          paramMarks: [],
          anchor: allBody && cls.pytestmark ? cls.pytestmark.span : cls.anchor,
          symbol: `class:${file.path}::${cls.qualName}`,
          subject: `Class \`${cls.name}\``,
          winnerWhy: allBody ? "the first element of its `pytestmark` list" : allDecorators ? "the decorator closest to `class` (decorators apply bottom-up)" : "its body\u2019s `pytestmark` comes before its decorators",
          ...cls.pytestmark ? { pytestmark: cls.pytestmark } : {}
        });
        cls.classes.forEach(visit);
      };
      file.classes.forEach(visit);
    }
    for (const node of nodes) {
      const { file, marks, paramMarks } = node;
      if (marks.length + (marks.length ? paramMarks.length : 0) < 2) continue;
      const winner = marks[0];
      const ignored = [...marks.slice(1), ...paramMarks];
      let edits = null;
      let keep = null;
      if (!paramMarks.length) {
        const speaking = marks.filter((m) => !isBareMark(m));
        keep = speaking.length === 1 ? speaking[0] : winner;
        const parts2 = marks.filter((m) => m !== keep).map((m) => removeMarkEdits(file, m, node.pytestmark));
        if (parts2.every((p) => p)) edits = parts2.flatMap((p) => p);
        if (edits && marks.filter((m) => m !== keep && m.origin === "pytestmark").length > 1)
          edits = null;
      }
      ctx.report({
        path: file.path,
        span: node.anchor,
        symbol: node.symbol,
        message: `${node.subject} carries ${marks.length + paramMarks.length} asyncio marks: ${[...marks, ...paramMarks].map((m) => `\`${shown(m)}\` (line ${m.span.line})`).join(", ")}. pytest-asyncio reads only the first one pytest stores \u2014 ${paramMarks.length && marks.length === 1 ? "the function\u2019s decorator, before any `pytest.param` mark" : node.winnerWhy} \u2014 so \`${shown(winner)}\` decides the loop and ${ignored.map((m) => `\`${shown(m)}\``).join(", ")} ${ignored.length === 1 ? "is" : "are"} silently ignored. ` + (keep ? `Keep a single mark: \`${shown(keep)}\`.` : "Keep a single asyncio mark: move the loop scope the parameter set needs to the decorator, or split the test."),
        ...edits && keep ? {
          fix: { title: `Keep only \`${shown(keep)}\``, edits, applicability: "safe" }
        } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA207.ts
function asyncioOwn(c2) {
  return c2.ownMarks.filter((m) => m.name === "asyncio");
}
function classesOf(file) {
  const out2 = [];
  const visit = (c2) => {
    out2.push(c2);
    c2.classes.forEach(visit);
  };
  file.classes.forEach(visit);
  return out2;
}
var PA207 = {
  meta: {
    code: "PA207",
    name: "base-class-mark-beats-subclass-mark",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A test class\u2019s own asyncio mark is ignored because a base class\u2019s asyncio mark comes first.",
    fixable: true,
    docs: {
      what: "Flags the asyncio mark of a test class (a decorator or its `pytestmark`) when a base class also carries an asyncio mark that selects a different loop. The finding sits on the subclass mark that is ignored.",
      why: "Since pytest 7.4.3 a class\u2019s marks are gathered in reversed method resolution order, base class first, and pytest-asyncio reads only the first asyncio mark. The base class\u2019s mark therefore wins and the subclass\u2019s mark \u2014 usually the more specific intent \u2014 is silently ignored: the subclass\u2019s tests (and the ones it inherits) run in the base\u2019s loop. On pytest 7.2.0\u20137.4.2 the order was the reverse, so the outcome also depends on the pytest version. The fix keeps the mark on one level: the base\u2019s mark is removed and the inherited test methods get the subclasses\u2019 mark.",
      versions: "pytest \u2265 7.4.3 with any pytest-asyncio that reads mark arguments (0.23\u20131.4).",
      bad: `@pytest.mark.asyncio(loop_scope="class")
class InboxTests:
    async def test_publish(self, broker): ...

class TestFreshBroker(InboxTests):
    pytestmark = pytest.mark.asyncio(loop_scope="function")`,
      good: `class InboxTests:
    @pytest.mark.asyncio(loop_scope="function")
    async def test_publish(self, broker): ...

class TestFreshBroker(InboxTests):
    pytestmark = pytest.mark.asyncio(loop_scope="function")`
    }
  },
  check(ctx) {
    if (!ctx.asyncio.baseClassMarksFirst || ctx.project.asyncio.disabled) return;
    const pytest = ctx.project.versions.pytest.candidates;
    const baseFirst = pytest.filter((v) => cmpVersion(v, "7.4.3") >= 0);
    const subFirst = pytest.filter((v) => cmpVersion(v, "7.4.3") < 0 && cmpVersion(v, "7.2.0") >= 0);
    for (const file of ctx.targetFiles()) {
      if (file.kind !== "test") continue;
      const classes = classesOf(file);
      for (const cls of classes) {
        if (!cls.collected) continue;
        const own = asyncioOwn(cls)[0];
        if (!own) continue;
        const mro = ctx.suite.mro(cls);
        const markedBases = mro.slice(1).filter((b) => asyncioOwn(b).length);
        if (!markedBases.length) continue;
        const base = [...mro].reverse().find((c2) => asyncioOwn(c2).length);
        const winner = asyncioOwn(base)[0];
        if (markScope(winner) === markScope(own)) continue;
        const anchor = own.origin === "pytestmark" && cls.pytestmark ? cls.pytestmark.span : own.span;
        const fix = markedBases.length === 1 ? moveBaseMark(ctx, file, classes, base, own) : null;
        const winnerScope = markScope(winner);
        const ownScope = markScope(own);
        ctx.report({
          path: file.path,
          span: anchor,
          symbol: `class:${file.path}::${cls.qualName}`,
          message: `Class \`${cls.name}\` asks for ${ownScope ? `the ${ownScope} loop` : "the default loop"} with \`${own.value.text}\`, but it inherits from \`${base.name}\`, whose \`${winner.value.text}\` (line ${winner.span.line}) comes first: since pytest 7.4.3 class marks are gathered base class first, and pytest-asyncio reads only the first asyncio mark. The subclass mark is silently ignored and the tests of \`${cls.name}\` run in ${winnerScope ? `the ${winnerScope} loop` : "the default loop"}. Affects ${versionsText("pytest", baseFirst)}${ctx.project.versions.pytest.assumed ? " (no pin found; assumed newest)" : ""}` + (subFirst.length ? `; on ${versionsText("pytest", subFirst)} the subclass mark wins instead, so the loop depends on the pytest version` : "") + ". Put the asyncio mark on one class level only, or on the test methods.",
          related: [
            {
              path: file.path,
              line: winner.span.line,
              endLine: winner.span.endLine,
              message: `\`${base.name}\`'s asyncio mark, which wins`
            }
          ],
          ...fix ? { fix } : {}
        });
      }
    }
  }
};
function moveBaseMark(ctx, file, classes, base, own) {
  if (base.collected || asyncioOwn(base).length !== 1 || !file.exactText) return null;
  const subs = classes.filter((c2) => c2 !== base && ctx.suite.mro(c2).includes(base));
  if (!subs.every((s) => asyncioOwn(s)[0]?.value.text === own.value.text)) return null;
  const removal = removeMarkEdits(file, asyncioOwn(base)[0], base.pytestmark);
  if (!removal) return null;
  const edits = [...removal];
  const fixtureFuncs = new Set(base.fixtures.map((fx) => fx.func));
  for (const m of base.methods) {
    if (!m.isAsync || !ctx.project.isTestFunction(m.name) || fixtureFuncs.has(m) || m.marks.some((mk) => mk.name === "asyncio"))
      continue;
    edits.push(insertDecorator(file, m, own.value.text));
  }
  return {
    title: `Move \`${base.name}\`'s asyncio mark to its test methods as \`${own.value.text}\``,
    edits,
    applicability: "safe"
  };
}

// src/rules/pytest-asyncio/PA208.ts
function dirOf4(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
var PA208 = {
  meta: {
    code: "PA208",
    name: "add-marker-without-append-false",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A collection hook appends an asyncio mark with a loop scope behind the mark the tests already have.",
    fixable: true,
    docs: {
      what: "Flags `item.add_marker(pytest.mark.asyncio(loop_scope=...))` (or `scope=` on 0.23) in `pytest_collection_modifyitems` / `pytest_itemcollected` without `append=False`, when the items it marks already carry an asyncio mark: always in auto mode, and in strict mode when tests carry their own asyncio decorator.",
      why: "`add_marker` appends by default, and pytest-asyncio reads only the closest asyncio mark. In auto mode every coroutine test already has the bare mark the plugin adds during collection; in strict mode `is_async_test(item)` is only true for marked tests. The appended mark is then never the first one and is silently ignored: the tests keep their function loops, and fixtures in the session loop fail with `RuntimeError: \u2026 attached to a different loop`. The pytest-asyncio recipe lacked `append=False` in 0.23.0\u20130.23.5.",
      versions: "pytest-asyncio 0.23\u20131.4. From 0.26 the ini option `asyncio_default_test_loop_scope` is the simpler way to give every test one loop.",
      bad: `def pytest_collection_modifyitems(items):
    for item in items:
        if pytest_asyncio.is_async_test(item):
            item.add_marker(pytest.mark.asyncio(loop_scope="session"))`,
      good: `def pytest_collection_modifyitems(items):
    for item in items:
        if pytest_asyncio.is_async_test(item):
            item.add_marker(pytest.mark.asyncio(loop_scope="session"), append=False)`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.23"));
    if (!eras.length || ctx.project.asyncio.disabled) return;
    for (const file of ctx.targetFiles()) {
      if (file.kind !== "conftest" && file.kind !== "plugin") continue;
      for (const hm of file.hookMarks) {
        if (hm.mark.name !== "asyncio" || !hm.append) continue;
        const versions = eras.filter(
          (b) => markScope(hm.mark, eraAtLeast(b.era, "0.24") ? "loop_scope" : "scope") !== void 0
        );
        if (!versions.length) continue;
        const scope = markScope(
          hm.mark,
          eraAtLeast(versions[versions.length - 1].era, "0.24") ? "loop_scope" : "scope"
        );
        const dir = file.kind === "conftest" ? dirOf4(file.path) : "";
        const covered = ctx.suite.tests().filter((t) => t.func.isAsync && (dir === "" || t.file.path.startsWith(dir + "/")));
        const hidden = ctx.asyncio.auto ? covered : covered.filter((t) => t.func.marks.some((m) => m.name === "asyncio"));
        if (!hidden.length) continue;
        const edit = file.exactText && hm.call.value.argList ? setKwarg(file, hm.call.value, "append", "False") : null;
        const names = hidden.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (hidden.length > 3 ? ` and ${hidden.length - 3} more` : "");
        const why = ctx.asyncio.auto ? "In auto mode every coroutine test already carries the bare asyncio mark pytest-asyncio adds during collection" : "These tests already carry their own asyncio decorator";
        ctx.report({
          path: file.path,
          span: hm.call.span,
          symbol: `call:${file.path}::${hm.hook}::${hm.call.callee}`,
          message: `\`${hm.call.callee}(...)\` in \`${hm.hook}\` appends \`${hm.mark.value.text}\` (the default \`append=True\`). ${why}, and pytest-asyncio reads only the closest asyncio mark, so the appended mark is silently ignored: ${names} keep${hidden.length === 1 ? "s" : ""} the default loop instead of the ${scope} loop, and anything they share with ${scope}-loop fixtures fails with \`RuntimeError: \u2026 attached to a different loop\`. Affects ${paVersions(ctx, versions)}. Pass \`append=False\` so the mark goes first` + (versions.some((b) => eraAtLeast(b.era, "0.26")) ? `; on pytest-asyncio \u2265 0.26, \`asyncio_default_test_loop_scope = ${scope}\` in the ini section does the same without a hook.` : "."),
          related: hidden.slice(0, 3).map((t) => ({
            path: t.file.path,
            line: t.func.anchor.line,
            endLine: t.func.anchor.endLine,
            message: `\`${t.name}\` does not get the ${scope} loop`
          })),
          involves: [...new Set(hidden.map((t) => t.file.path))],
          ...edit ? {
            fix: {
              title: "Pass `append=False` so the hook\u2019s asyncio mark comes first",
              edits: [edit],
              applicability: "safe"
            }
          } : {}
        });
      }
    }
  }
};

// src/rules/pytest-asyncio/PA209.ts
function dirOf5(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
var PA209 = {
  meta: {
    code: "PA209",
    name: "package-pytestmark-in-init",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An asyncio mark in a package\u2019s `__init__.py` `pytestmark` is never applied.",
    fixable: true,
    docs: {
      what: "Flags `pytestmark = pytest.mark.asyncio(...)` in a test package\u2019s `__init__.py` (a pattern pytest-asyncio\u2019s own how-to guide shows for package loops) when pytest 8 or newer is allowed.",
      why: "Since pytest 8.0 a `Package` is no longer a `Module`, so nothing reads `pytestmark` from `__init__.py`. In strict mode the async tests below it are unmarked: pytest \u2265 8.4 fails them with `async def functions are not natively supported.` (older pytest skips them). In auto mode they silently run in the default function loop instead of the package loop. The fix moves the mark into each test module (`pytestmark`), or onto each async test in modules that also hold sync tests.",
      versions: "pytest \u2265 8.0, any pytest-asyncio. Error in strict mode, warning in auto mode.",
      bad: `# tests/__init__.py
import pytest

pytestmark = pytest.mark.asyncio(loop_scope="package")`,
      good: `# tests/test_timeouts.py
import asyncio

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="package")`
    }
  },
  check(ctx) {
    const pytest = ctx.project.versions.pytest.candidates;
    const newer = pytest.filter((v) => cmpVersion(v, "8.0.0") >= 0);
    if (pytest.length && !newer.length) return;
    if (ctx.project.asyncio.disabled) return;
    const inits = ctx.targetFiles().filter(
      (f) => f.kind === "init" && f.pytestmark && f.moduleMarks.some((m) => m.name === "asyncio")
    );
    const markedDirs = inits.map((f) => dirOf5(f.path));
    for (const init2 of inits) {
      const mark = init2.moduleMarks.find((m) => m.name === "asyncio");
      const dir = dirOf5(init2.path);
      const under = (t) => {
        if (dir !== "" && !t.file.path.startsWith(dir + "/")) return false;
        const tdir = dirOf5(t.file.path);
        return !markedDirs.some(
          (d) => d !== dir && d.length > dir.length && (tdir === d || tdir.startsWith(d + "/"))
        );
      };
      const needing = ctx.suite.tests().filter((t) => under(t) && t.func.isAsync && !ctx.suite.marks(t, "asyncio").length).sort(
        (a, b) => a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.func.anchor.line - b.func.anchor.line
      );
      const strict = !ctx.asyncio.auto;
      const pytest84 = newer.some((v) => cmpVersion(v, "8.4.0") >= 0);
      const names = needing.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (needing.length > 3 ? ` and ${needing.length - 3} more` : "");
      const effect = !needing.length ? "No test below it depends on it (they all have their own asyncio marks), so it is dead code." : strict ? `In strict mode the async tests below it (${names}) are unmarked, so pytest does not run them: \`${unhandledAsyncTest(pytest84)}\`` : `In auto mode the async tests below it (${names}) silently run in the default loop instead of the one the mark asks for.`;
      const fix = buildFix(init2, mark, ctx.suite.files, needing);
      ctx.report({
        path: init2.path,
        span: init2.pytestmark.span,
        symbol: `module:${init2.path}::pytestmark`,
        severity: strict && needing.length ? "error" : "warning",
        message: `\`pytestmark = ${init2.pytestmark.value.text}\` in the package's \`__init__.py\` is never applied: since pytest 8.0 a package is no longer a module, and nothing reads \`pytestmark\` from \`__init__.py\`. ${effect} Affects ${versionsText("pytest", newer.length ? newer : pytest)}${ctx.project.versions.pytest.assumed ? " (no pin found; assumed newest)" : ""}. Mark the test modules instead: \`pytestmark = ${init2.pytestmark.value.text}\` in each module, or the mark on each async test in modules that also hold sync tests.`,
        related: needing.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` does not get the package's asyncio mark`
        })),
        involves: [...new Set(needing.map((t) => t.file.path))],
        ...fix ? { fix } : {}
      });
    }
  }
};
function buildFix(init2, mark, files, needing) {
  if (!init2.exactText || !init2.pytestmark) return null;
  const v = init2.pytestmark.value;
  if ((v.kind === "list" || v.kind === "tuple") && (v.items ?? []).length !== 1) return null;
  const lineOf2 = (offset) => init2.lineStarts.filter((s) => s <= offset).length;
  const remove = /* @__PURE__ */ new Set();
  for (let l = init2.pytestmark.span.line; l <= init2.pytestmark.span.endLine; l++) remove.add(l);
  const py = localName(init2, "pytest");
  if (py && !identifierUsedElsewhere(init2, py, [init2.pytestmark.span])) {
    const stmt = scanImports(init2.text).find(
      (s) => s.entries.length === 1 && s.entries[0].local === py
    );
    if (stmt)
      for (let l = lineOf2(stmt.lineStart); l <= lineOf2(Math.max(stmt.lineStart, stmt.end - 1)); l++)
        remove.add(l);
  }
  const edits = deleteLines(init2, remove);
  const args2 = mark.value.argList ? init2.text.slice(mark.value.argList.start, mark.value.argList.end) : "";
  const suffix = `asyncio${args2}`;
  const byFile = /* @__PURE__ */ new Map();
  for (const t of needing) pushTo(byFile, t.file, t);
  for (const [file, tests] of byFile) {
    if (!file.exactText || !files.has(file.path)) return null;
    const hasSync = file.tests.some((t) => !t.func.isAsync);
    if (!file.pytestmark && !hasSync) {
      edits.push(...addPytestmarkEdits(file, suffix));
      continue;
    }
    const { prefix, importEdit: imp } = markPrefix(file);
    if (imp) edits.push(sortedImportEdit(file, "pytest"));
    for (const t of tests) edits.push(insertDecorator(file, t.func, `${prefix}.${suffix}`));
  }
  return {
    title: "Move the asyncio mark from `__init__.py` into the test modules",
    edits,
    applicability: "safe"
  };
}

// src/rules/pytest-asyncio/PA210.ts
var MAX_MOVED = 8;
var PA210 = {
  meta: {
    code: "PA210",
    name: "asyncio-mark-on-sync-test",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A synchronous test carries an asyncio mark.",
    fixable: true,
    docs: {
      what: "Flags an asyncio mark on a plain `def` test: its own decorator, or a class mark or module `pytestmark` that reaches sync tests. A class or module mark is reported once, on the mark.",
      why: "The mark does nothing for a sync test except make pytest-asyncio warn: `PytestWarning: The test <Function test_x> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove the asyncio mark.` Suites that turn warnings into errors fail. Often the test was meant to be async, or the mark was copied along with a neighbour.",
      versions: "All pytest-asyncio versions.",
      bad: `@pytest.mark.asyncio
def test_slugify_basic():
    assert slugify("Hello, World!") == "hello-world"`,
      good: `def test_slugify_basic():
    assert slugify("Hello, World!") == "hello-world"`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.paEras.length) return;
    const era = ctx.paEras[ctx.paEras.length - 1].era;
    const wide = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync) continue;
      const hit = ctx.suite.closestMark(test, "asyncio", ctx.asyncio.baseClassMarksFirst);
      if (!hit) continue;
      if (hit.level === "function") {
        const own = test.func.marks.filter((m) => m.name === "asyncio");
        const parts2 = own.map((m) => removeMarkEdits(test.file, m));
        const edits = parts2.every((p) => p) ? parts2.flatMap((p) => p) : null;
        ctx.report({
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message: `\`${test.name}\` is a plain \`def\` test but carries \`@${hit.mark.value.text}\`. The mark does nothing for a sync test except make pytest-asyncio warn: \`${markOnSyncTest(era, test.name)}\` (an error under \`-W error\`). Remove the mark \u2014 or, if the test was meant to await something, make it \`async def\`.`,
          ...edits ? {
            fix: {
              title: `Remove the asyncio mark from \`${test.name}\``,
              edits,
              applicability: "safe"
            }
          } : {}
        });
        continue;
      }
      let w = wide.get(hit.mark);
      if (!w) {
        if (hit.level === "module") {
          w = {
            mark: hit.mark,
            sync: [],
            anchor: test.file.pytestmark.span,
            symbol: `module:${test.file.path}::pytestmark`,
            subject: "The module's `pytestmark`",
            pytestmark: test.file.pytestmark
          };
        } else {
          const owner = markOwner(ctx, hit);
          const inBody = hit.mark.origin === "pytestmark" && owner.pytestmark;
          w = {
            mark: hit.mark,
            sync: [],
            anchor: inBody ? owner.pytestmark.span : owner.anchor,
            symbol: `class:${test.file.path}::${owner.qualName}`,
            subject: `The asyncio mark on class \`${owner.name}\``,
            ...inBody ? { pytestmark: owner.pytestmark } : {}
          };
        }
        wide.set(hit.mark, w);
      }
      w.sync.push(test);
    }
    for (const w of wide.values()) {
      const file = w.sync[0].file;
      const users = ctx.suite.tests().filter(
        (t) => t.func.isAsync && ctx.suite.closestMark(t, "asyncio", ctx.asyncio.baseClassMarksFirst)?.mark === w.mark
      );
      let edits = null;
      if (users.length <= MAX_MOVED && users.every((t) => t.file === file)) {
        const removal = removeMarkEdits(file, w.mark, w.pytestmark);
        const copy = ctx.asyncio.auto && isBareMark(w.mark) ? [] : users.map((t) => insertDecorator(file, t.func, w.mark.value.text));
        if (removal) edits = [...removal, ...copy];
      }
      const names = w.sync.slice(0, 3).map((t) => `\`${t.name}\``).join(", ") + (w.sync.length > 3 ? ` and ${w.sync.length - 3} more` : "");
      ctx.report({
        path: file.path,
        span: w.anchor,
        symbol: w.symbol,
        message: `${w.subject} (\`${w.mark.value.text}\`) also reaches the sync test${w.sync.length === 1 ? "" : "s"} ${names}. pytest-asyncio warns for each of them: \`${markOnSyncTest(era, w.sync[0].name)}\` (an error under \`-W error\`). Mark only the async tests${users.length ? ` (${users.length} here)` : ""}, or move the sync tests to another module or class.`,
        related: w.sync.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` is sync`
        })),
        ...edits ? { fix: { title: "Mark only the async tests", edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA211.ts
var PA211 = {
  meta: {
    code: "PA211",
    name: "asyncio-mark-on-fixture",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A fixture carries an asyncio mark.",
    fixable: true,
    docs: {
      what: "Flags `@pytest.mark.asyncio` stacked on a fixture definition, above or below the fixture decorator.",
      why: "Marks have no effect on fixtures: the asyncio mark neither makes pytest-asyncio run the fixture nor chooses its loop (that is `@pytest_asyncio.fixture(loop_scope=...)`). pytest 8 warns `PytestRemovedIn9Warning: Marks applied to fixtures have no effect`; pytest 9 refuses the module at collection with `Failed: Marks cannot be applied to fixtures.`, so none of its tests run. Error when pytest 9 is allowed, else a warning.",
      versions: "pytest \u2265 9: collection error; pytest 8: deprecation warning; older: silently ignored.",
      bad: `@pytest.mark.asyncio
@pytest_asyncio.fixture
async def hooks():
    broker = await start_broker()
    yield broker`,
      good: `@pytest_asyncio.fixture
async def hooks():
    broker = await start_broker()
    yield broker`
    }
  },
  check(ctx) {
    const pytest = ctx.project.versions.pytest.candidates;
    const v9 = pytest.filter((v) => cmpVersion(v, "9.0.0") >= 0);
    const v8 = pytest.filter((v) => cmpVersion(v, "8.0.0") >= 0 && cmpVersion(v, "9.0.0") < 0);
    const assumed = ctx.project.versions.pytest.assumed ? " (no pin found; assumed newest)" : "";
    for (const file of ctx.targetFiles()) {
      for (const fx of file.fixtures) {
        const marks = fx.func.marks.filter((m) => m.name === "asyncio");
        if (!marks.length) continue;
        const parts2 = marks.map((m) => removeMarkEdits(file, m));
        const edits = parts2.every((p) => p) ? parts2.flatMap((p) => p) : null;
        const scope = marks.map((m) => markScope(m)).find((s) => s);
        const outcome = [];
        if (v9.length || !pytest.length)
          outcome.push(
            `${versionsText("pytest", v9)}${assumed} refuses the module at collection with \`${MARK_ON_FIXTURE_ERROR}\`, so none of its tests run`
          );
        if (v8.length)
          outcome.push(`${versionsText("pytest", v8)} warns \`${MARK_ON_FIXTURE_WARNING}\``);
        if (!outcome.length) outcome.push("this pytest ignores it silently");
        ctx.report({
          path: file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          severity: v9.length || !pytest.length ? "error" : "warning",
          message: `Fixture \`${fx.name}\` carries \`@${marks[0].value.text}\`, but marks have no effect on fixtures: it neither makes pytest-asyncio run the fixture nor chooses its loop. ${outcome.join("; ")}. Remove the mark${scope ? `; to choose the fixture's loop, use \`@pytest_asyncio.fixture(loop_scope="${scope}")\`` : ""}.`,
          ...edits ? {
            fix: {
              title: `Remove the asyncio mark from fixture \`${fx.name}\``,
              edits,
              applicability: "safe"
            }
          } : {}
        });
      }
    }
  }
};

// src/rules/pytest-asyncio/PA212.ts
var OTHER_PLUGINS = /* @__PURE__ */ new Set(["anyio", "trio"]);
var PA212 = {
  meta: {
    code: "PA212",
    name: "async-generator-test",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An async test contains `yield`, so its body never runs.",
    fixable: true,
    docs: {
      what: "Flags an `async def` test for pytest-asyncio whose body contains `yield` (outside nested functions), which makes it an async generator.",
      why: "pytest-asyncio does not run async-generator tests. From 0.22 it reports them as xfailed with `PytestCollectionWarning: Tests based on asynchronous generators are not supported. test_x will be ignored.`; the body, assertions included, never executes and the run still passes. On 0.21 the test \u201Cpasses\u201D without running. A `yield` in a test is usually fixture-style setup/teardown: move that into a fixture, or drop the `yield` when the code after it is plain cleanup.",
      versions: "All pytest-asyncio versions (xfail + warning from 0.22).",
      bad: `@pytest.mark.asyncio
async def test_write_and_cleanup():
    await write_async(path, "payload")
    yield
    os.remove(path)`,
      good: `@pytest.mark.asyncio
async def test_write_and_cleanup():
    await write_async(path, "payload")
    os.remove(path)`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.paEras.length) return;
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, "0.23"));
    for (const test of ctx.targetTests()) {
      const fn = test.func;
      if (!fn.isAsync || !fn.facts.yields.length) continue;
      if (!ctx.asyncio.isAsyncioTest(test) && [...OTHER_PLUGINS].some((p) => ctx.suite.closestMark(test, p)))
        continue;
      const file = test.file;
      let edits = null;
      if (fn.facts.yields.length === 1 && file.exactText) {
        const y = fn.facts.yields[0];
        const lineStart2 = file.lineStarts[y.span.line - 1];
        const lineEnd = file.lineStarts[y.span.line] ?? file.text.length;
        const line = file.text.slice(lineStart2, lineEnd);
        if (y.span.line === y.span.endLine && /^\s*yield\s*(#.*)?\r?\n?$/.test(line) && !y.within.length)
          edits = deleteLines(file, [y.span.line]);
      }
      ctx.report({
        path: file.path,
        span: fn.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` contains \`yield\` (line ${fn.facts.yields[0].span.line}), which makes it an async generator. pytest-asyncio does not run such tests: ` + (newer.length ? `${paVersions(ctx, newer)} marks it xfailed with \`${asyncGeneratorTest(test.name)}\`` : "it is reported as passed") + ", and its body, assertions included, never executes \u2014 the run stays green. " + (edits ? "Remove the `yield` (the code after it still runs, as the last steps of the test), or move setup and teardown into a fixture." : "Move the setup and teardown around the `yield` into a fixture, and keep the test a plain `async def`."),
        ...edits ? {
          fix: {
            title: `Remove the \`yield\` from \`${test.name}\``,
            edits,
            applicability: "safe"
          }
        } : {}
      });
    }
  }
};

// src/rules/groups/pa-marks.ts
var PA_MARK_RULES = [
  PA201,
  PA202,
  PA203,
  PA205,
  PA206,
  PA207,
  PA208,
  PA209,
  PA210,
  PA211,
  PA212
];

// src/rules/pytest-asyncio/plugins.ts
function isGiven(fn) {
  return fn.decorators.some((d) => d.qual === "hypothesis.given");
}
function anyioRuns(ctx, test) {
  const s = ctx.project.settings;
  if (s.anyioDisabled.value) return false;
  if (ctx.suite.closestMark(test, "anyio")) return true;
  if (s.anyioMode.value === "auto") return true;
  return ctx.suite.closure(test).some((e) => e.name === "anyio_backend");
}
function trioRuns(ctx, test) {
  const s = ctx.project.settings;
  if (s.trioDisabled.value) return false;
  return !!ctx.suite.closestMark(test, "trio") || s.trioMode.value;
}
function pluginRuns(ctx, test) {
  return ctx.asyncio.isAsyncioTest(test) || anyioRuns(ctx, test) || trioRuns(ctx, test);
}
function modeOrigin(ctx) {
  const o = ctx.project.settings.asyncioMode.origin;
  if (o.kind === "ini" && ctx.project.configPath) return `\`asyncio_mode = strict\` (${ctx.project.configPath}:${o.option.span.line})`;
  if (o.kind === "addopts" || o.kind === "cli") return "`--asyncio-mode=strict`";
  return "strict mode (pytest-asyncio\u2019s default)";
}

// src/rules/pytest-asyncio/PA301.ts
var PA301 = {
  meta: {
    code: "PA301",
    name: "strict-mode-unmarked-async-test",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "In strict mode an `async def` test without an `asyncio` mark is not run by pytest-asyncio.",
    fixable: true,
    docs: {
      what: "Flags an `async def` test in strict mode (the default `asyncio_mode`) that has no `asyncio` mark on the function, its class or its module, and is not run by anyio (`anyio` mark, `anyio_mode = auto`, or `anyio_backend` requested) or pytest-trio. Hypothesis `@given` tests are reported by HY102 instead.",
      why: "In strict mode pytest-asyncio only runs coroutine tests that carry its mark. pytest then gets the coroutine function itself: since pytest 8.4 the test FAILS with `async def functions are not natively supported.`; older pytest SKIPS it with `PytestUnhandledCoroutineWarning`. Either way the body never runs, so its assertions are never checked.",
      versions: "All pytest-asyncio versions in strict mode (the default since 0.19). pytest \u2265 8.4 fails the test; older pytest skips it.",
      bad: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

async def test_gives_up():          # no mark: never runs
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      good: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

@pytest.mark.asyncio
async def test_gives_up():
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      references: ["https://pytest-asyncio.readthedocs.io/en/stable/concepts.html#test-discovery-modes"]
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.mode !== "strict" || ctx.project.asyncio.disabled) return;
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return;
    const pytest84 = pytestAtLeast(ctx, "8.4");
    const pytestOld = ctx.project.versions.pytest.candidates.some((v) => cmpVersion(v, "8.4") < 0);
    const siblingCounts = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || isGiven(test.func)) continue;
      if (pluginRuns(ctx, test)) continue;
      let c2 = siblingCounts.get(test.file);
      if (!c2) {
        const asyncTests = test.file.tests.filter((t) => t.func.isAsync);
        c2 = { anyio: new Set(asyncTests.filter((t) => anyioRuns(ctx, t))), asyncio: new Set(asyncTests.filter((t) => ctx.asyncio.isAsyncioTest(t))) };
        siblingCounts.set(test.file, c2);
      }
      const others = (set) => set.size - (set.has(test) ? 1 : 0);
      if (others(c2.anyio) && !others(c2.asyncio)) continue;
      const { edits, mark } = addAsyncioMarkEdits(ctx, test);
      const outcome = pytest84 ? `pytest ${pytestOld ? "8.4 and newer fails" : "fails"} it: \`${unhandledAsyncTest(true)}\`${pytestOld ? ` (older pytest skips it: \`${unhandledAsyncTest(false)}\`)` : ""}` : `pytest skips it: \`${unhandledAsyncTest(false)}\``;
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` is an \`async def\` test with no \`asyncio\` mark on it, its class or its module, and pytest-asyncio runs in ${modeOrigin(ctx)}, so no plugin runs it. ${outcome}; its body never runs. Mark it \`@${mark}\` (or set \`asyncio_mode = auto\`).`,
        ...test.file.exactText ? { fix: { title: `Mark \`${test.name}\` with \`@${mark}\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/loop-driving.ts
function awaitText(file, call, arg) {
  const inner = file.text.slice(arg.span.start, arg.span.end);
  const primary = ["call", "name", "attr", "str", "num", "list", "tuple", "dict", "bool", "none"].includes(arg.kind) || /^[\w.]+(\[[^\n]*\]|\([^\n]*\))?$/.test(inner);
  const expr = `await ${primary ? inner : `(${inner})`}`;
  const nextChar = file.text.charAt(call.span.end);
  return nextChar === "." || nextChar === "[" || nextChar === "(" ? `(${expr})` : expr;
}
function onlyArg(call) {
  const v = call.value;
  if (v.items?.length !== 1 || v.kwargs && v.kwargs.size) return null;
  const a = v.items[0];
  return /^\*/.test(a.text) ? null : a;
}
function isBindingStatement(file, call, name2) {
  const ls = file.lineStarts[call.span.line - 1];
  const head = file.text.slice(ls, call.span.start);
  const m = new RegExp(`^[ \\t]*${name2}[ \\t]*=[ \\t]*$`).exec(head);
  return !!m && aloneOnLines(file, { start: ls + (/^[ \t]*/.exec(head)?.[0].length ?? 0), end: call.span.end });
}
function asyncifyEdits(file, fn, loop) {
  if (fn.isAsync || !file.exactText) return null;
  const edits = [];
  const covered = [];
  const isLoop = (r) => r !== void 0 && (loop.names.includes(r) || !!loop.isLoopExpr?.(r));
  for (const b of loop.bindings) {
    if (!b.boundTo || !isBindingStatement(file, b, b.boundTo)) return null;
    const e = deleteLinesEdit(file, b.span);
    edits.push(e);
    covered.push(e);
  }
  let drove = false;
  for (const c2 of fn.facts.calls) {
    if (c2.method === "run_until_complete" && isLoop(c2.receiver)) {
      const arg = onlyArg(c2);
      if (!arg) return null;
      edits.push({ path: file.path, start: c2.span.start, end: c2.span.end, text: awaitText(file, c2, arg) });
      covered.push(c2.span);
      drove = true;
    } else if (c2.method === "close" && c2.receiver !== void 0 && loop.names.includes(c2.receiver)) {
      if (!aloneOnLines(file, c2.span)) return null;
      const e = deleteLinesEdit(file, c2.span);
      edits.push(e);
      covered.push(e);
    } else if (c2.qual === "asyncio.set_event_loop") {
      const a = onlyArg(c2);
      if (!a || !(loop.names.includes(a.text) || a.kind === "none") || !aloneOnLines(file, c2.span)) return null;
      const e = deleteLinesEdit(file, c2.span);
      edits.push(e);
      covered.push(e);
    }
  }
  if (!drove) return null;
  const body2 = { start: fn.defSpan.end, end: fn.whole.end };
  for (const n of loop.names) {
    const re = new RegExp(`(?<![\\w.])${n}(?!\\w)`, "g");
    const text = file.text.slice(body2.start, body2.end);
    let m;
    while (m = re.exec(text)) {
      const at = body2.start + m.index;
      if (!covered.some((r) => at >= r.start && at < r.end)) return null;
    }
  }
  edits.push({ path: file.path, start: fn.defSpan.start, end: fn.defSpan.start, text: "async " });
  return edits;
}

// src/rules/pytest-asyncio/fixtures.ts
function toPytestAsyncioFixtureEdits(ctx, fx, edits = []) {
  const file = fx.file;
  const dv = fx.decorator.value;
  let pa = localName(file, "pytest_asyncio");
  if (!pa) {
    pa = "pytest_asyncio";
    if (!edits.some((e) => e.path === file.path && /^\s*import pytest_asyncio\s*$/.test(e.text))) edits.push(importEdit(file, "pytest_asyncio"));
  }
  if (fx.decoratorKind !== "pytest_asyncio") edits.push(replaceCallee(file, dv, `${pa}.fixture`));
  const ls = loopScopeAfterConversion(ctx, fx);
  if (ls) edits.push(setKwarg(file, dv, "loop_scope", pyString(ls, preferredQuote2(file, dv))));
  return edits;
}
function loopScopeAfterConversion(ctx, fx) {
  const era = newestEra(ctx);
  if (!eraAtLeast(era, "0.24") || fx.loopScopeValue || !ctx.paEras.every((b) => eraAtLeast(b.era, "0.24"))) return null;
  const target = fixtureTargetLoop(ctx, fx, era);
  const raw = ctx.project.asyncio.fixtureDefault;
  const current = raw && isScope(raw) ? raw : isScope(fx.scope) ? fx.scope : null;
  if (!target || !current || target === current) return null;
  if (scopeRank(target) < scopeRank(isScope(fx.scope) ? fx.scope : "function")) return null;
  return target;
}
function asyncifyFixture(ctx, fx, loop) {
  const body2 = asyncifyEdits(fx.file, fx.func, loop);
  if (!body2) return null;
  const edits = toPytestAsyncioFixtureEdits(ctx, fx, [...body2]);
  return [...edits, ...pruneImportEdits(fx.file, edits)];
}
function asyncioUsers(ctx, fx) {
  return ctx.usersOf(fx).filter((t) => ctx.asyncio.isAsyncioTest(t)).map((t) => t.name);
}

// src/rules/pytest-asyncio/PA302.ts
function asyncioUser(ctx, t) {
  return t.func.isAsync && ctx.asyncio.isAsyncioTest(t);
}
var PA302 = {
  meta: {
    code: "PA302",
    name: "strict-mode-async-pytest-fixture",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "In strict mode an async fixture declared with `@pytest.fixture` is not run by pytest-asyncio.",
    fixable: true,
    docs: {
      what: "Flags an `async def` fixture (coroutine or async generator) declared with plain `@pytest.fixture` in strict mode when pytest-asyncio tests request it (directly or through other fixtures). Fixtures used by anyio tests are left alone: anyio runs those.",
      why: "In strict mode pytest-asyncio only runs fixtures declared with `@pytest_asyncio.fixture`. The test receives the coroutine or async-generator object instead of its value (`RuntimeWarning: coroutine \u2026 was never awaited`); pytest-asyncio \u2265 0.25 warns `asyncio test \u2026 requested async @pytest.fixture \u2026 in strict mode`, and pytest \u2265 8.4 reports `\u2026 requested an async fixture \u2026, with no plugin or hook that handled it`, an error from pytest 9.",
      versions: "All pytest-asyncio versions in strict mode; the setup error comes from pytest 9 (a warning on 8.4).",
      bad: `@pytest.fixture
async def client():
    async with AsyncClient(server) as c:
        yield c

@pytest.mark.asyncio
async def test_avatar_url(client):
    assert (await client.get("/avatars/ada")).status_code == 200`,
      good: `import pytest_asyncio

@pytest_asyncio.fixture
async def client():
    async with AsyncClient(server) as c:
        yield c`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.mode !== "strict" || ctx.project.asyncio.disabled) return;
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return;
    const era = newestEra(ctx);
    const pytest9 = pytestAtLeast(ctx, "9.0");
    const pytest84 = pytestAtLeast(ctx, "8.4");
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.decoratorKind !== "pytest" || !fx.func.isAsync) continue;
      const users = ctx.usersOf(fx);
      const asyncioUsers2 = users.filter((t) => asyncioUser(ctx, t));
      if (!asyncioUsers2.length) continue;
      if (users.some((t) => t.func.isAsync && !ctx.asyncio.isAsyncioTest(t) && anyioRuns(ctx, t))) continue;
      const first = asyncioUsers2[0];
      const kind = fx.func.isGenerator ? "async-generator" : "coroutine";
      const pieces = [];
      if (eraAtLeast(era, "0.25")) {
        pieces.push(
          `pytest-asyncio warns \`asyncio test '${first.name}' requested async @pytest.fixture '${fx.name}' in strict mode. You might want to use @pytest_asyncio.fixture or switch to auto mode.\``
        );
      }
      if (pytest84) {
        pieces.push(
          `pytest ${pytest9 ? "errors at setup" : "8.4+ warns (an error from pytest 9)"}: \`'${first.name}' requested an async fixture '${fx.name}', with no plugin or hook that handled it.\``
        );
      }
      const edits = fx.file.exactText ? toPytestAsyncioFixtureEdits(ctx, fx) : [];
      const ls = loopScopeAfterConversion(ctx, fx);
      const loopNote = ls ? ` with \`loop_scope="${ls}"\` (the loop its tests run in)` : "";
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` is declared with \`@pytest.fixture\`, and pytest-asyncio runs in ${modeOrigin(ctx)}, so it does not run this fixture: ${asyncioUsers2.length === 1 ? `\`${first.name}\` receives` : `${asyncioUsers2.map((t) => `\`${t.name}\``).slice(0, 3).join(", ")}${asyncioUsers2.length > 3 ? ", \u2026" : ""} receive`} the ${kind} object instead of its value. ` + (pieces.length ? `${pieces.join("; ")}. ` : "") + `Affects ${versionsText("pytest-asyncio", ctx.paEras.flatMap((b) => b.versions))}. Declare it with \`@pytest_asyncio.fixture\`${loopNote}, or switch to \`asyncio_mode = auto\`.`,
        ...edits.length ? { fix: { title: `Declare \`${fx.name}\` with \`@pytest_asyncio.fixture\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/event-loops.ts
function isAsyncioCallText(file, text, fns) {
  const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)\(\s*\)$/.exec(text.trim());
  if (m) return file.imports.names.get(m[1]) === "asyncio" && fns.includes(m[2]);
  const b = /^([A-Za-z_]\w*)\(\s*\)$/.exec(text.trim());
  if (b) {
    const q = file.imports.names.get(b[1]);
    return !!q && fns.some((f) => q === `asyncio.${f}`);
  }
  return false;
}
function loopCalls(fx) {
  return fx.func.facts.calls.filter(
    (c2) => /^(asyncio\.(new_event_loop|get_event_loop|get_running_loop|Runner|EventLoop|SelectorEventLoop|ProactorEventLoop)|uvloop\.(new_event_loop|Loop|EventLoopPolicy))$/.test(c2.qual ?? "") || c2.method === "new_event_loop"
  );
}
function buildsLoop(fx) {
  return loopCalls(fx).length > 0;
}
function userEventLoop(ctx, test) {
  const def = ctx.suite.resolve("event_loop", test);
  return def && !def.builtin ? def : null;
}
function asyncioCode(ctx) {
  const out2 = [];
  if (ctx.project.asyncio.disabled) return out2;
  for (const t of ctx.targetTests()) {
    if (t.func.isAsync && ctx.asyncio.isAsyncioTest(t)) out2.push({ fn: t.func, file: t.file, label: `test \`${t.name}\``, symbol: testSymbol(t), test: t });
  }
  const era = newestEra(ctx);
  for (const fx of ctx.fixturesInScope()) {
    if (fx.builtin || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue;
    const user = ctx.usersOf(fx)[0];
    out2.push({ fn: fx.func, file: fx.file, label: `fixture \`${fx.name}\``, symbol: fixtureSymbol(fx), ...user ? { test: user } : {} });
  }
  return out2;
}

// src/rules/pytest-asyncio/PA401.ts
function customLoopType(fx) {
  const file = fx.file;
  for (const c2 of fx.func.facts.calls) {
    const q = c2.qual ?? "";
    if (/^uvloop\./.test(q) || q === "asyncio.set_event_loop_policy") return true;
    if (c2.method === "new_event_loop" && q !== "asyncio.new_event_loop" && c2.receiver !== void 0 && !isAsyncioCallText(file, c2.receiver, ["get_event_loop_policy"])) return true;
  }
  return false;
}
var PA401 = {
  meta: {
    code: "PA401",
    name: "event-loop-fixture-override",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A fixture named `event_loop` overrides pytest-asyncio\u2019s loop: deprecated from 0.23, silently ignored from 1.0.",
    fixable: true,
    docs: {
      what: 'Flags a fixture named `event_loop` that builds an asyncio event loop (the classic `scope="session"` recipe) in a conftest, module or class, when the pinned pytest-asyncio is 0.23 or newer. On 0.21 this override is the documented way to widen the loop and is not flagged.',
      why: "pytest-asyncio 0.23\u20130.26 warn `DeprecationWarning: The event_loop fixture provided by pytest-asyncio has been redefined \u2026`, and the override no longer carries wider fixtures into the test loop. From 1.0 the plugin no longer uses any `event_loop` fixture: the override becomes an unused ordinary fixture, so tests run in per-test loops while wider async fixtures run in their own loops, and loop-bound objects fail with `RuntimeError: \u2026 attached to a different loop`. The fix deletes it and moves its scope to the `asyncio_default_*_loop_scope` options (or `loop_scope` marks); a custom loop type moves to the `event_loop_policy` fixture (\u2264 1.3) or the `pytest_asyncio_loop_factories` hook (\u2265 1.4).",
      versions: "pytest-asyncio 0.23\u20130.26: warning (deprecated). 1.0\u20131.4: error (silently ignored). Not flagged on 0.21.",
      bad: `# conftest.py
@pytest.fixture(scope="session")
def event_loop():
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()`,
      good: `# pytest.ini
[pytest]
asyncio_default_fixture_loop_scope = session
asyncio_default_test_loop_scope = session`,
      references: ["https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/migrate_from_0_23.html"]
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.project.usesPytestAsyncio(ctx.suite)) return;
    const deprecated = erasWhere(ctx, (e) => eraAtLeast(e, "0.23") && !eraAtLeast(e, "1.0"));
    const ignored = erasWhere(ctx, (e) => eraAtLeast(e, "1.0"));
    if (!deprecated.eras.length && !ignored.eras.length) return;
    const seen = /* @__PURE__ */ new Set();
    for (const fx of [...ctx.targetFiles().flatMap((f) => f.fixtures), ...ctx.fixturesInScope()]) {
      if (seen.has(fx)) continue;
      seen.add(fx);
      if (fx.builtin || fx.name !== "event_loop" || !buildsLoop(fx)) continue;
      const parts2 = [];
      if (ignored.versions.length) {
        parts2.push(
          `${versionsText("pytest-asyncio", ignored.versions)} no longer uses an \`event_loop\` fixture, so this override is silently ignored: tests run in the loop of their loop scope (a fresh loop per test unless marked or configured otherwise) and wider async fixtures in their own loops, so objects shared between them fail with \`RuntimeError: \u2026 attached to a different loop\``
        );
      }
      if (deprecated.versions.length) {
        parts2.push(
          `${versionsText("pytest-asyncio", deprecated.versions)} warns \`DeprecationWarning: The event_loop fixture provided by pytest-asyncio has been redefined in ${fx.file.path}:${fx.func.defSpan.line}\` and no longer carries wider async fixtures into the tests\u2019 loop`
        );
      }
      const scope = isScope(fx.scope) ? fx.scope : null;
      const fix = buildFix2(ctx, fx);
      const custom = customLoopType(fx);
      const advice = scope && scope !== "function" ? `Delete it and ask for the ${scope} loop with \`asyncio_default_fixture_loop_scope = ${scope}\` and \`asyncio_default_test_loop_scope = ${scope}\` (or \`loop_scope="${scope}"\` marks)` : "Delete it";
      const typeAdvice = custom ? "; it also picks a custom loop type: move that to an `event_loop_policy` fixture (\u2264 1.3) or the `pytest_asyncio_loop_factories` hook (\u2265 1.4)" : "";
      ctx.report({
        severity: ignored.versions.length ? "error" : "warning",
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `This \`event_loop\` fixture overrides pytest-asyncio\u2019s loop${scope ? ` (scope ${scope})` : ""}. ${parts2.join("; ")}. ${advice}${typeAdvice}.`,
        ...fix ? { fix } : {}
      });
    }
  }
};
function buildFix2(ctx, fx) {
  if (!fx.file.exactText || customLoopType(fx)) return null;
  if (fx.cls && fx.cls.methods.length <= 1) return null;
  const scope = isScope(fx.scope) ? fx.scope : null;
  if (!scope) return null;
  const edits = [removeFunctionEdit(fx.file, fx.func)];
  edits.push(...pruneImportEdits(fx.file, edits));
  let title = "Delete the `event_loop` override";
  if (scope !== "function") {
    if (!ctx.paEras.every((b) => eraAtLeast(b.era, "0.26"))) return null;
    if (fx.file.kind !== "conftest") return null;
    const dir = fx.file.path.includes("/") ? fx.file.path.slice(0, fx.file.path.lastIndexOf("/")) : "";
    if (dir && !ctx.suite.tests().every((t) => t.file.path.startsWith(`${dir}/`))) return null;
    for (const key2 of ["asyncio_default_fixture_loop_scope", "asyncio_default_test_loop_scope"]) {
      const current = key2 === "asyncio_default_fixture_loop_scope" ? ctx.project.asyncio.fixtureDefault : ctx.project.asyncio.testDefault;
      if (current === scope) continue;
      const e = current === null ? ctx.project.insertIniOptionEdit(key2, scope)?.edit : ctx.project.replaceIniValueEdit(key2, scope);
      if (!e) return null;
      edits.push(e);
    }
    title = `Delete the \`event_loop\` override and set both \`asyncio_default_*_loop_scope\` options to \`${scope}\``;
  }
  return { title, edits, applicability: "safe" };
}

// src/rules/pytest-asyncio/PA402.ts
function usesInBody(file, fn, name2) {
  const text = file.text.slice(fn.defSpan.end, fn.whole.end);
  const out2 = [];
  const re = new RegExp(`(?<![\\w.])${name2}(?!\\w)`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) out2.push(fn.defSpan.end + m.index);
  return out2;
}
var PA402 = {
  meta: {
    code: "PA402",
    name: "event-loop-requested-by-async-code",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "An async test or fixture takes the `event_loop` fixture instead of calling `asyncio.get_running_loop()`.",
    fixable: true,
    docs: {
      what: "Flags a pytest-asyncio test or async fixture with an `event_loop` parameter, when the pinned pytest-asyncio is 0.23 or newer.",
      why: 'pytest-asyncio 0.23\u20130.26 warn `\u2026 is asynchronous and explicitly requests the "event_loop" fixture. Asynchronous fixtures and test functions should use "asyncio.get_running_loop()" instead.` (and a test with a wider loop scope fails with `MultipleEventLoopsRequestedError`). pytest-asyncio 1.0 removed the fixture: the test errors at setup with `fixture \'event_loop\' not found`. Inside a coroutine the running loop is `asyncio.get_running_loop()`.',
      versions: "pytest-asyncio 0.23\u20130.26: warning. 1.0\u20131.4: error. Correct usage on 0.21.",
      bad: `@pytest.mark.asyncio
async def test_digest_in_executor(event_loop):
    result = await event_loop.run_in_executor(None, digest, b"abc")`,
      good: `@pytest.mark.asyncio
async def test_digest_in_executor():
    result = await asyncio.get_running_loop().run_in_executor(None, digest, b"abc")`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const warn = erasWhere(ctx, (e) => eraAtLeast(e, "0.23") && !eraAtLeast(e, "1.0"));
    const gone = erasWhere(ctx, (e) => eraAtLeast(e, "1.0"));
    if (!warn.eras.length && !gone.eras.length) return;
    const era = newestEra(ctx);
    const units = [];
    for (const t of ctx.targetTests()) {
      if (t.func.isAsync && t.func.argnames.includes("event_loop") && ctx.asyncio.isAsyncioTest(t)) units.push({ fn: t.func, file: t.file, label: `test \`${t.name}\``, symbol: testSymbol(t), test: t });
    }
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || !fx.func.isAsync || !fx.func.argnames.includes("event_loop") || !ctx.asyncio.handlesFixture(fx, era)) continue;
      units.push({ fn: fx.func, file: fx.file, label: `fixture \`${fx.name}\``, symbol: fixtureSymbol(fx), test: ctx.usersOf(fx)[0] });
    }
    for (const u of units) {
      const user = u.test ? userEventLoop(ctx, u.test) : null;
      if (user && !buildsLoop(user)) continue;
      const parts2 = [];
      if (gone.versions.length) {
        parts2.push(
          user ? `${versionsText("pytest-asyncio", gone.versions)} no longer uses \`event_loop\`: it gets the override in ${user.file.path}, a loop that is not the one running it` : `${versionsText("pytest-asyncio", gone.versions)} removed the \`event_loop\` fixture: setup fails with \`fixture 'event_loop' not found\``
        );
      }
      if (warn.versions.length) {
        parts2.push(
          `${versionsText("pytest-asyncio", warn.versions)} warns \`${u.fn.name} is asynchronous and explicitly requests the "event_loop" fixture. Asynchronous fixtures and test functions should use "asyncio.get_running_loop()" instead.\``
        );
      }
      const fix = buildFix3(u.file, u.fn);
      ctx.report({
        severity: gone.versions.length ? "error" : "warning",
        path: u.file.path,
        span: u.fn.anchor,
        symbol: u.symbol,
        message: `The ${u.label} is a coroutine that takes the \`event_loop\` fixture. ${parts2.join("; ")}. Drop the parameter and use \`asyncio.get_running_loop()\`.`,
        ...fix ? { fix } : {}
      });
    }
  }
};
function buildFix3(file, fn) {
  if (!file.exactText) return null;
  const param = removeParamEdit(file, fn, "event_loop");
  if (!param) return null;
  const edits = [param];
  const closes = fn.facts.calls.filter((c2) => c2.receiver === "event_loop" && c2.method === "close" && !c2.value.items?.length && aloneOnLines(file, c2.span));
  for (const c2 of closes) edits.push(removeStatementEdit(file, fn, c2.span));
  const uses = usesInBody(file, fn, "event_loop").filter((at) => !closes.some((c2) => at >= c2.span.start && at < c2.span.end));
  let aio = localName(file, "asyncio");
  if (!aio) {
    aio = "asyncio";
    if (uses.length) edits.push(importEdit(file, "asyncio"));
  }
  for (const at of uses) edits.push({ path: file.path, start: at, end: at + "event_loop".length, text: `${aio}.get_running_loop()` });
  return { title: "Use `asyncio.get_running_loop()` instead of the `event_loop` fixture", edits, applicability: "safe" };
}

// src/rules/pytest-asyncio/PA403.ts
var PA403 = {
  meta: {
    code: "PA403",
    name: "event-loop-requested-by-sync-code",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A sync test or fixture takes the `event_loop` fixture, which pytest-asyncio 1.0 removed.",
    fixable: true,
    docs: {
      what: "Flags a sync test or sync fixture with an `event_loop` parameter (typically to call `event_loop.run_until_complete(...)`) when pytest-asyncio 1.0 or newer is allowed and the project defines no `event_loop` fixture of its own.",
      why: "Sync tests used to borrow pytest-asyncio\u2019s `event_loop` fixture to drive coroutines. pytest-asyncio 1.0 removed it, so the test errors at setup with `fixture 'event_loop' not found`. The migration guide\u2019s fix is an async test (or `asyncio.Runner` when it must stay sync).",
      versions: "pytest-asyncio 1.0\u20131.4 (0.21\u20130.26 provide the fixture).",
      bad: `def test_resolve_known(event_loop):
    assert event_loop.run_until_complete(resolve("example.test")) == "192.0.2.10"`,
      good: `@pytest.mark.asyncio
async def test_resolve_known():
    assert await resolve("example.test") == "192.0.2.10"`,
      references: ["https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/migrate_from_0_21.html"]
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const gone = erasWhere(ctx, (e) => eraAtLeast(e, "1.0"));
    if (!gone.eras.length) return;
    for (const t of ctx.targetTests()) {
      if (t.func.isAsync || !t.func.argnames.includes("event_loop") || userEventLoop(ctx, t)) continue;
      report(ctx, t.file, t.func, `test \`${t.name}\``, testSymbol(t), gone.versions, testFix(ctx, t));
    }
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync || !fx.func.argnames.includes("event_loop")) continue;
      const users = ctx.usersOf(fx);
      if (!users.length || users.some((u) => userEventLoop(ctx, u))) continue;
      report(ctx, fx.file, fx.func, `fixture \`${fx.name}\``, fixtureSymbol(fx), gone.versions, fixtureFix(ctx, fx));
    }
  }
};
function report(ctx, file, fn, label, symbol, versions, fix) {
  ctx.report({
    path: file.path,
    span: fn.anchor,
    symbol,
    message: `The sync ${label} takes the \`event_loop\` fixture, which ${versionsText("pytest-asyncio", versions)} no longer provides: setup fails with \`fixture 'event_loop' not found\`. Make it async and await the coroutines instead (or, if it must stay sync, drive them with \`asyncio.Runner\`).`,
    ...fix ? { fix: { title: `Make the ${label} async and await instead of \`event_loop.run_until_complete\``, edits: fix, applicability: "safe" } } : {}
  });
}
function testFix(ctx, t) {
  const body2 = asyncifyEdits(t.file, t.func, { names: ["event_loop"], bindings: [] });
  const param = removeParamEdit(t.file, t.func, "event_loop");
  if (!body2 || !param) return null;
  return [...ctx.asyncio.auto ? [] : addAsyncioMarkEdits(ctx, t).edits, ...body2, param];
}
function fixtureFix(ctx, fx) {
  const body2 = asyncifyEdits(fx.file, fx.func, { names: ["event_loop"], bindings: [] });
  const param = removeParamEdit(fx.file, fx.func, "event_loop");
  if (!body2 || !param) return null;
  const edits = toPytestAsyncioFixtureEdits(ctx, fx, [...body2, param]);
  return [...edits, ...pruneImportEdits(fx.file, edits)];
}

// src/rules/pytest-asyncio/PA404.ts
var DEPRECATION = 'PytestDeprecationWarning: Overriding the "event_loop_policy" fixture is deprecated and will be removed in a future version of pytest-asyncio. Use the "pytest_asyncio_loop_factories" hook to customize event loop creation.';
var PA404 = {
  meta: {
    code: "PA404",
    name: "event-loop-policy-override",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "A fixture overrides `event_loop_policy`, deprecated in pytest-asyncio 1.4 in favour of the `pytest_asyncio_loop_factories` hook.",
    fixable: true,
    docs: {
      what: "Flags a project fixture named `event_loop_policy` when pytest-asyncio 1.4 or newer is allowed.",
      why: 'pytest-asyncio 1.4 warns `PytestDeprecationWarning: Overriding the "event_loop_policy" fixture is deprecated and will be removed in a future version of pytest-asyncio. Use the "pytest_asyncio_loop_factories" hook to customize event loop creation.` (an error under `-W error`), and asyncio\u2019s policy system itself is deprecated from Python 3.14. The hook in a conftest returns named loop factories; with a single factory test IDs stay unchanged.',
      versions: "pytest-asyncio 1.4 (the hook does not exist before).",
      bad: `# conftest.py
@pytest.fixture(scope="session")
def event_loop_policy():
    return DebugPolicy()`,
      good: `# conftest.py
def pytest_asyncio_loop_factories(config, item):
    return {"debug": DebugPolicy().new_event_loop}`,
      references: ["https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/uvloop.html"]
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, "1.4"));
    if (!hit.eras.length) return;
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.name !== "event_loop_policy") continue;
      const all14 = hit.eras.length === ctx.paEras.length;
      const fix = all14 ? hookFix(fx) : null;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `This fixture overrides \`event_loop_policy\` to choose the loop implementation. ${versionsText("pytest-asyncio", hit.versions)} warns \`${DEPRECATION}\`${all14 ? "" : " (older pinned versions have no hook: keep the fixture until the pin is raised)"}. Return the loop factory from a \`pytest_asyncio_loop_factories(config, item)\` hook in a conftest instead.`,
        ...fix ? { fix } : {}
      });
    }
  }
};
function hookFix(fx) {
  const file = fx.file;
  if (!file.exactText || file.kind !== "conftest" || fx.cls || fx.params || fx.func.argnames.length || fx.func.isAsync || fx.func.isGenerator) return null;
  if (file.hooks.has("pytest_asyncio_loop_factories")) return null;
  const body2 = file.text.slice(fx.func.defSpan.end, fx.func.whole.end);
  const lines = body2.replace(/^\s*:/, "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const stmts = lines.filter((l, i2) => !(i2 === 0 && /^[rRuU]?("""|'''|"|').*\1$/.test(l)));
  if (stmts.length !== 1 || !/^return\s/.test(stmts[0])) return null;
  const retText = stmts[0].replace(/^return\s+/, "");
  const retStart = file.text.indexOf(retText, file.text.indexOf("return", fx.func.defSpan.end));
  if (retStart < 0 || retStart > fx.func.whole.end || !/^[\w.]+(\(.*\))?$/.test(retText)) return null;
  const name2 = factoryName(retText);
  const defStart = file.lineStarts[fx.func.anchor.line - 1];
  const q = preferredQuote2(file);
  const edits = [
    { path: file.path, start: defStart + fx.func.indent.length, end: fx.func.defSpan.end, text: "def pytest_asyncio_loop_factories(config, item)" },
    { path: file.path, start: retStart, end: retStart + retText.length, text: `{${pyString(name2, q)}: ${retText}.new_event_loop}` }
  ];
  edits.push(...pruneImportEdits(file, edits));
  return { title: "Replace the `event_loop_policy` fixture with a `pytest_asyncio_loop_factories` hook", edits, applicability: "safe" };
}
function factoryName(expr) {
  const parts2 = expr.replace(/\(.*$/, "").split(".");
  const last = (parts2[parts2.length - 1] ?? "").replace(/(EventLoopPolicy|LoopPolicy|Policy)$/, "");
  const base = last || (parts2.length > 1 ? parts2[0] : "") || "custom";
  return base.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9_]/g, "_").toLowerCase();
}

// src/rules/pytest-asyncio/PA405.ts
var NO_HOOK = "UsageError: mark.asyncio 'loop_factories' requires at least one pytest_asyncio_loop_factories hook implementation.";
var PA405 = {
  meta: {
    code: "PA405",
    name: "loop-factories-without-hook",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "`@pytest.mark.asyncio(loop_factories=[...])` is used but no conftest implements `pytest_asyncio_loop_factories`.",
    fixable: true,
    docs: {
      what: "Flags an `asyncio` mark (decorator, class or module `pytestmark`, or one added in a collection hook) with a `loop_factories=` argument when no conftest or plugin module of the project defines a `pytest_asyncio_loop_factories` hook.",
      why: "pytest-asyncio 1.4 resolves the factory names through the hook; with no implementation every marked test fails: `UsageError: mark.asyncio 'loop_factories' requires at least one pytest_asyncio_loop_factories hook implementation.` Either add the hook (returning the named factories) or drop the argument.",
      versions: "pytest-asyncio 1.4 (older versions reject the argument itself: PA203).",
      bad: `@pytest.mark.asyncio(loop_factories=["uvloop"])
async def test_fast_path():
    ...`,
      good: `# conftest.py
import uvloop

def pytest_asyncio_loop_factories(config, item):
    return {"uvloop": uvloop.new_event_loop}`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, "1.4"));
    if (!hit.eras.length) return;
    for (const f of ctx.suite.files.values()) if ((f.kind === "conftest" || f.kind === "plugin") && f.hooks.has("pytest_asyncio_loop_factories")) return;
    const seen = /* @__PURE__ */ new Set();
    for (const file of ctx.targetFiles()) {
      for (const { mark, where: where2 } of asyncioMarks(file)) {
        if (seen.has(mark) || !mark.kwargs.has("loop_factories")) continue;
        seen.add(mark);
        const onlyKw = mark.kwargs.size === 1 && !mark.args.length && mark.value.argList;
        const edit = !file.exactText ? null : onlyKw ? { path: file.path, start: mark.value.argList.start, end: mark.value.argList.end, text: "" } : removeKwarg(file, mark.value, "loop_factories");
        ctx.report({
          path: file.path,
          span: mark.span,
          symbol: `mark:${file.path}::${where2}::asyncio.loop_factories`,
          message: `This \`asyncio\` mark asks for \`loop_factories=${mark.kwargs.get("loop_factories")?.text}\`, but no conftest implements \`pytest_asyncio_loop_factories\`, so every test it marks fails: \`${NO_HOOK}\`. Affects ${versionsText("pytest-asyncio", hit.versions)}. Add the hook to a conftest (returning those factories by name), or drop the argument.`,
          ...edit ? { fix: { title: "Remove `loop_factories=` from the mark", edits: [edit], applicability: "safe" } } : {}
        });
      }
    }
  }
};
function asyncioMarks(file) {
  const out2 = [];
  for (const m of file.moduleMarks) if (m.name === "asyncio") out2.push({ mark: m, where: "pytestmark" });
  const classes = [...file.classes];
  while (classes.length) {
    const c2 = classes.shift();
    for (const m of c2.ownMarks) if (m.name === "asyncio") out2.push({ mark: m, where: c2.qualName });
    for (const fn of c2.methods) for (const m of fn.marks) if (m.name === "asyncio") out2.push({ mark: m, where: `${c2.qualName}::${fn.name}` });
    classes.push(...c2.classes);
  }
  for (const fn of file.functions) for (const m of fn.marks) if (m.name === "asyncio") out2.push({ mark: m, where: fn.name });
  for (const h of file.hookMarks) if (h.mark.name === "asyncio") out2.push({ mark: h.mark, where: h.hook });
  return out2;
}

// src/rules/pytest-asyncio/PA501.ts
function syncFixtureSeesRunnerLoop(ctx, fx) {
  return fx.decoratorKind === "pytest_asyncio" && ctx.paEras.every((b) => eraAtLeast(b.era, "1.4"));
}
var PA501 = {
  meta: {
    code: "PA501",
    name: "sync-fixture-uses-get-event-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A sync fixture used by asyncio tests calls `asyncio.get_event_loop()` to build or drive loop-bound objects.",
    fixable: true,
    docs: {
      what: "Flags `asyncio.get_event_loop()` in a sync fixture that pytest-asyncio tests use, typically `loop.run_until_complete(make_client())`.",
      why: "Since 0.23 a sync fixture is set up before, and outside, the loop the test runs in, so `get_event_loop()` returns some other (or stale) loop, or none at all: pytest-asyncio 1.4 leaves no current loop once a loop-scope runner has been torn down, so the fixture fails at setup with `RuntimeError: There is no current event loop in thread 'MainThread'.` (Python 3.12\u20133.13 otherwise warn `DeprecationWarning: There is no current event loop`). Objects it builds are bound to the wrong loop and fail in the test. An async fixture runs in the test\u2019s loop.",
      versions: "pytest-asyncio 0.23\u20131.4 (0.21 handed it the test\u2019s `event_loop`). The RuntimeError at setup is 1.4 behaviour.",
      bad: `@pytest.fixture
def broker():
    loop = asyncio.get_event_loop()
    broker = loop.run_until_complete(start_broker())
    yield broker
    loop.run_until_complete(broker.stop())`,
      good: `@pytest_asyncio.fixture
async def broker():
    broker = await start_broker()
    yield broker
    await broker.stop()`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, "0.23"));
    if (!hit.eras.length) return;
    const on14 = hit.eras.includes("1.4");
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync || syncFixtureSeesRunnerLoop(ctx, fx)) continue;
      const gets = fx.func.facts.calls.filter((c2) => c2.qual === "asyncio.get_event_loop");
      if (!gets.length) continue;
      const users = asyncioUsers(ctx, fx);
      if (!users.length) continue;
      const call = gets[0];
      const loop = call.boundTo ? { names: [call.boundTo], bindings: [call] } : { names: [], bindings: [], isLoopExpr: (r) => isAsyncioCallText(fx.file, r, ["get_event_loop"]) };
      const edits = gets.length === 1 ? asyncifyFixture(ctx, fx, loop) : null;
      ctx.report({
        path: fx.file.path,
        span: call.span,
        symbol: `call:${fixtureSymbol(fx)}::asyncio.get_event_loop`,
        message: `Sync fixture \`${fx.name}\` calls \`asyncio.get_event_loop()\` and is used by asyncio tests (${users.map((n) => `\`${n}\``).slice(0, 3).join(", ")}${users.length > 3 ? ", \u2026" : ""}). pytest-asyncio sets sync fixtures up outside the loop the test runs in, so this gets another or a stale loop${on14 ? ` \u2014 on 1.4, none at all once an earlier test\u2019s loop was torn down: \`RuntimeError: There is no current event loop in thread 'MainThread'.\` at setup` : ""}; whatever it builds is bound to the wrong loop. Affects ${versionsText("pytest-asyncio", hit.versions)}. Make it an async \`@pytest_asyncio.fixture\` that awaits instead.`,
        related: [{ path: fx.file.path, line: fx.func.anchor.line, endLine: fx.func.anchor.endLine, message: `fixture \`${fx.name}\`` }],
        ...edits ? { fix: { title: `Make \`${fx.name}\` an async \`@pytest_asyncio.fixture\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA502.ts
var NO_LOOP = "RuntimeError: There is no current event loop in thread 'MainThread'.";
var PA502 = {
  meta: {
    code: "PA502",
    name: "sync-test-uses-get-event-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A sync test calls `asyncio.get_event_loop()` in a suite that also has pytest-asyncio tests.",
    fixable: true,
    docs: {
      what: "Flags `asyncio.get_event_loop()` in a sync test (typically `asyncio.get_event_loop().run_until_complete(coro())`) when the suite also runs pytest-asyncio tests and pytest-asyncio 1.4 is allowed.",
      why: "pytest-asyncio 1.4 leaves no event loop set on the main thread once a loop-scope runner has been torn down (e.g. right after any function-scoped async test). A later sync test calling `asyncio.get_event_loop()` then fails with `RuntimeError: There is no current event loop in thread 'MainThread'.` \u2014 depending on test order. Earlier versions hand it a stale loop. `asyncio.run()` (or `asyncio.Runner`) creates and closes a loop of its own.",
      versions: "pytest-asyncio 1.4 (earlier versions leave a stale loop set, which works by accident).",
      bad: `def test_parse_empty_stream():
    result = asyncio.get_event_loop().run_until_complete(parse_stream([]))
    assert result == []`,
      good: `def test_parse_empty_stream():
    result = asyncio.run(parse_stream([]))
    assert result == []`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    const hit = erasWhere(ctx, (e) => e === "1.4");
    if (!hit.eras.length) return;
    const asyncioTests = ctx.suite.tests().filter((t) => ctx.asyncio.isAsyncioTest(t));
    if (!asyncioTests.length) return;
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync) continue;
      const gets = test.func.facts.calls.filter((c2) => c2.qual === "asyncio.get_event_loop");
      if (!gets.length) continue;
      const call = gets[0];
      const file = test.file;
      const fix = gets.length === 1 ? runFix(file, test.func, call) : null;
      ctx.report({
        path: file.path,
        span: call.span,
        symbol: `call:${testSymbol(test)}::asyncio.get_event_loop`,
        message: `Sync test \`${test.name}\` calls \`asyncio.get_event_loop()\`. ${versionsText("pytest-asyncio", hit.versions)} leaves no current event loop once a pytest-asyncio loop has been torn down (e.g. after \`${asyncioTests[0].name}\`), so this fails with \`${NO_LOOP}\` whenever it runs after an async test. Use a loop of its own: \`asyncio.run(...)\` (or \`asyncio.Runner\`), or make it an async test.`,
        ...fix ? { fix } : {}
      });
    }
  }
};
function runFix(file, fn, get) {
  if (!file.exactText) return null;
  const calls = fn.facts.calls;
  const aio = localName(file, "asyncio");
  if (!aio) return null;
  const chained = calls.find((c2) => c2.method === "run_until_complete" && c2.receiver !== void 0 && c2.span.start === get.span.start && isAsyncioCallText(file, c2.receiver, ["get_event_loop"]));
  if (chained) {
    const arg2 = onlyArg(chained);
    if (!arg2) return null;
    return { title: "Use `asyncio.run(...)`", edits: [{ path: file.path, start: chained.span.start, end: chained.span.end, text: `${aio}.run(${arg2.text})` }], applicability: "safe" };
  }
  const name2 = get.boundTo;
  if (!name2 || !isBindingStatement(file, get, name2)) return null;
  const uses = calls.filter((c2) => c2.receiver === name2);
  if (uses.length !== 1 || uses[0]?.method !== "run_until_complete") return null;
  const use = uses[0];
  const arg = onlyArg(use);
  if (!arg) return null;
  const body2 = file.text.slice(fn.defSpan.end, fn.whole.end);
  const count = body2.match(new RegExp(`(?<![\\w.])${name2}(?!\\w)`, "g"))?.length ?? 0;
  if (count !== 2) return null;
  return {
    title: "Use `asyncio.run(...)`",
    edits: [deleteLinesEdit(file, get.span), { path: file.path, start: use.span.start, end: use.span.end, text: `${aio}.run(${arg.text})` }],
    applicability: "safe"
  };
}

// src/rules/pytest-asyncio/PA503.ts
var PA503 = {
  meta: {
    code: "PA503",
    name: "fixture-builds-private-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "A sync fixture creates its own event loop, builds objects on it and hands them to asyncio tests.",
    fixable: true,
    docs: {
      what: "Flags a sync fixture that calls `asyncio.new_event_loop()` and drives coroutines on that loop with `run_until_complete`, when pytest-asyncio tests use the fixture.",
      why: "Whatever the fixture builds on its private loop (pools, clients, queues, locks) is bound to that loop, while the test runs in the loop pytest-asyncio gives it. The first await on such an object fails with `RuntimeError: Task \u2026 got Future \u2026 attached to a different loop` (or `\u2026 is bound to a different event loop`), and the private loop leaks `ResourceWarning`s when it is not closed. An async fixture builds them in the test\u2019s loop.",
      versions: "All pytest-asyncio versions.",
      bad: `@pytest.fixture
def pool():
    loop = asyncio.new_event_loop()
    pool = loop.run_until_complete(create_pool())
    yield pool
    loop.run_until_complete(pool.close())
    loop.close()`,
      good: `@pytest_asyncio.fixture
async def pool():
    pool = await create_pool()
    yield pool
    await pool.close()`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return;
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync) continue;
      const creates = fx.func.facts.calls.filter((c2) => c2.qual === "asyncio.new_event_loop" && c2.boundTo);
      if (creates.length !== 1) continue;
      const create = creates[0];
      const name2 = create.boundTo;
      const drives = fx.func.facts.calls.filter((c2) => c2.method === "run_until_complete" && c2.receiver === name2);
      if (!drives.length) continue;
      const users = asyncioUsers(ctx, fx);
      if (!users.length) continue;
      const edits = asyncifyFixture(ctx, fx, { names: [name2], bindings: [create] });
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Fixture \`${fx.name}\` creates its own loop (\`${name2} = asyncio.new_event_loop()\`, line ${create.span.line}) and builds its value with \`${name2}.run_until_complete(...)\`, but asyncio tests (${users.map((n) => `\`${n}\``).slice(0, 3).join(", ")}${users.length > 3 ? ", \u2026" : ""}) await it in pytest-asyncio\u2019s loop. Its futures belong to the private loop, so the first await fails: \`${CROSS_LOOP_ERROR}\`. Affects ${versionsText("pytest-asyncio", ctx.paEras.flatMap((b) => b.versions))}. Make it an async \`@pytest_asyncio.fixture\` that awaits instead.`,
        related: [{ path: fx.file.path, line: create.span.line, endLine: create.span.endLine, message: "the private loop" }],
        ...edits ? { fix: { title: `Make \`${fx.name}\` an async \`@pytest_asyncio.fixture\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/pytest-asyncio/PA504.ts
var PA504 = {
  meta: {
    code: "PA504",
    name: "blocking-run-inside-async",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "`asyncio.run()` or `loop.run_until_complete()` is called inside an async test or fixture.",
    fixable: true,
    docs: {
      what: "Flags `asyncio.run(...)`, `loop.run_until_complete(...)` and `asyncio.get_event_loop().run_until_complete(...)` called directly in the body of an async test or async fixture that pytest-asyncio runs.",
      why: "The test already runs inside pytest-asyncio\u2019s event loop, and a thread can run only one loop at a time: `asyncio.run()` fails with `RuntimeError: asyncio.run() cannot be called from a running event loop` (and the coroutine is never awaited), `run_until_complete` with `RuntimeError: This event loop is already running`. Await the coroutine instead.",
      versions: "All pytest-asyncio versions.",
      bad: `async def test_crawl_visits_everything():
    pages = asyncio.run(crawl("/"))
    assert pages == {"/", "/a", "/b"}`,
      good: `async def test_crawl_visits_everything():
    pages = await crawl("/")
    assert pages == {"/", "/a", "/b"}`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      for (const call of unit.fn.facts.calls) {
        const kind = blockingKind(unit.file, call);
        if (!kind) continue;
        const arg = onlyArg(call);
        const fix = arg && unit.file.exactText && !call.awaited ? { title: "Await the coroutine instead", edits: [{ path: unit.file.path, start: call.span.start, end: call.span.end, text: awaitText(unit.file, call, arg) }], applicability: "safe" } : null;
        const error = kind === "run" ? "RuntimeError: asyncio.run() cannot be called from a running event loop" : "RuntimeError: This event loop is already running";
        ctx.report({
          path: unit.file.path,
          span: call.span,
          symbol: `call:${unit.symbol}::${kind === "run" ? "asyncio.run" : "run_until_complete"}`,
          message: `The ${unit.label} runs inside pytest-asyncio\u2019s event loop, so \`${call.callee}(...)\` cannot start another run of a loop on this thread: \`${error}\`${kind === "run" ? " (and the coroutine is never awaited)" : ""}. Affects every pytest-asyncio version. Await the coroutine instead${arg ? `: \`await ${arg.text}\`` : ""}.`,
          ...fix ? { fix } : {}
        });
      }
    }
  }
};
function blockingKind(file, call) {
  if (call.qual === "asyncio.run") return "run";
  if (call.method === "run_until_complete" && call.receiver !== void 0) {
    if (/^[A-Za-z_][\w.]*$/.test(call.receiver) || isAsyncioCallText(file, call.receiver, ["get_event_loop", "get_running_loop", "new_event_loop"])) return "run_until_complete";
  }
  return null;
}

// src/rules/pytest-asyncio/PA505.ts
var PA505 = {
  meta: {
    code: "PA505",
    name: "closes-pytest-asyncio-loop",
    severity: "error",
    plugin: "pytest-asyncio",
    summary: "An async test or fixture closes the event loop pytest-asyncio owns.",
    fixable: true,
    docs: {
      what: "Flags `asyncio.get_running_loop().close()` / `asyncio.get_event_loop().close()`, or `.close()` on a name bound to either (or to the `event_loop` fixture), in an async test or fixture that pytest-asyncio runs.",
      why: "The loop belongs to pytest-asyncio\u2019s runner and is running the test right now: `close()` raises `RuntimeError: Cannot close a running event loop`, failing the test after its real assertions passed. Closed from teardown code, the next test sharing that loop fails with `RuntimeError: Event loop is closed` (and 1.1+ warns at runner teardown). The runner closes its loop itself.",
      versions: "All pytest-asyncio versions.",
      bad: `@pytest.mark.asyncio
async def test_echo_upper():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    ...
    await server.wait_closed()
    asyncio.get_running_loop().close()`,
      good: `@pytest.mark.asyncio
async def test_echo_upper():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    ...
    await server.wait_closed()`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      const { fn, file } = unit;
      const loopNames = /* @__PURE__ */ new Set();
      for (const c2 of fn.facts.calls) {
        if (c2.boundTo && (c2.qual === "asyncio.get_running_loop" || c2.qual === "asyncio.get_event_loop")) loopNames.add(c2.boundTo);
      }
      if (fn.argnames.includes("event_loop")) {
        const def = unit.test ? ctx.suite.resolve("event_loop", unit.test) : void 0;
        if (def && (def.builtin || buildsLoop(def))) loopNames.add("event_loop");
      }
      for (const c2 of fn.facts.calls) {
        if (c2.method !== "close" || c2.receiver === void 0 || c2.value.items?.length) continue;
        const direct = isAsyncioCallText(file, c2.receiver, ["get_running_loop", "get_event_loop"]);
        if (!direct && !loopNames.has(c2.receiver)) continue;
        const fix = file.exactText && aloneOnLines(file, c2.span) && !c2.awaited ? { title: "Do not close pytest-asyncio\u2019s loop", edits: [removeStatementEdit(file, fn, c2.span)], applicability: "safe" } : null;
        ctx.report({
          path: file.path,
          span: c2.span,
          symbol: `call:${unit.symbol}::${closeLabel(c2)}`,
          message: `The ${unit.label} closes the event loop it is running in (\`${c2.callee}()\`). That loop belongs to pytest-asyncio\u2019s runner and is still running the test: \`RuntimeError: Cannot close a running event loop\`, so the test fails after its assertions passed. Affects every pytest-asyncio version. Leave closing to pytest-asyncio; close only loops you created yourself.`,
          ...fix ? { fix } : {}
        });
      }
    }
  }
};
function closeLabel(c2) {
  return `${c2.receiver?.replace(/\(\s*\)$/, "()")}.close`;
}

// src/rules/pytest-asyncio/PA506.ts
var PA506 = {
  meta: {
    code: "PA506",
    name: "get-event-loop-in-async-code",
    severity: "info",
    plugin: "pytest-asyncio",
    summary: "`asyncio.get_event_loop()` is used inside an async test or fixture where `asyncio.get_running_loop()` says what is meant.",
    fixable: true,
    docs: {
      what: "Flags `asyncio.get_event_loop()` called in the body of an async test or async fixture that pytest-asyncio runs (not when it only feeds `run_until_complete` or `close()`: PA504 and PA505 report those).",
      why: "Inside a coroutine `get_event_loop()` returns the running loop, so the code works, but the function is deprecated style whose behaviour outside a running loop changed across Python versions (a warning on 3.12\u20133.13, a `RuntimeError` when no loop is set). `asyncio.get_running_loop()` states the intent and can never create or return a stale loop.",
      versions: "All pytest-asyncio versions (style; no runtime effect).",
      bad: `@pytest.mark.asyncio
async def test_deadline_counts_down():
    loop = asyncio.get_event_loop()
    deadline = Deadline(loop, 0.05)`,
      good: `@pytest.mark.asyncio
async def test_deadline_counts_down():
    loop = asyncio.get_running_loop()
    deadline = Deadline(loop, 0.05)`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      const { fn, file } = unit;
      const starts = new Set(fn.facts.calls.filter((c2) => c2.method === "run_until_complete" || c2.method === "close").map((c2) => c2.span.start));
      for (const c2 of fn.facts.calls) {
        if (c2.qual !== "asyncio.get_event_loop" || starts.has(c2.span.start)) continue;
        const m = /^(.*\.)?get_event_loop$/.exec(c2.callee);
        const fix = m && m[1] && file.exactText ? {
          title: "Use `asyncio.get_running_loop()`",
          edits: [{ path: file.path, start: c2.span.start + c2.callee.length - "get_event_loop".length, end: c2.span.start + c2.callee.length, text: "get_running_loop" }],
          applicability: "safe"
        } : null;
        ctx.report({
          path: file.path,
          span: c2.span,
          symbol: `call:${unit.symbol}::asyncio.get_event_loop`,
          message: `The ${unit.label} calls \`${c2.callee}()\` inside a coroutine, where it simply returns the running loop. \`asyncio.get_running_loop()\` says so and cannot fall back to creating or returning a stale loop.`,
          ...fix ? { fix } : {}
        });
      }
    }
  }
};

// src/rules/pytest-asyncio/PA701.ts
var PA701 = {
  meta: {
    code: "PA701",
    name: "auto-mode-with-anyio-tests",
    severity: "warning",
    plugin: "pytest-asyncio",
    summary: "`asyncio_mode = auto` in a suite that also has `@pytest.mark.anyio` tests: pytest-asyncio takes them over.",
    fixable: true,
    docs: {
      what: "Flags pytest-asyncio\u2019s auto mode (`asyncio_mode = auto` or `--asyncio-mode=auto` in `addopts`) when the suite has anyio-marked coroutine tests and anyio\u2019s own auto mode is not on (both auto modes is AN303).",
      why: "In auto mode pytest-asyncio claims every coroutine test, anyio-marked ones included: their bodies run in pytest-asyncio\u2019s loop, so the `[trio]` parametrizations silently run on asyncio and backend-specific code is never exercised (their async fixtures may even run in a different loop than the test). Strict mode is meant for projects that use several async libraries: anyio keeps its tests, and the remaining pytest-asyncio tests need an `asyncio` mark (the fix adds them).",
      versions: "All pytest-asyncio versions with anyio\u2019s pytest plugin.",
      bad: `# pytest.ini
[pytest]
asyncio_mode = auto

# test_backend_neutral.py
@pytest.mark.anyio
async def test_fan_in(anyio_backend):
    assert await fan_in(3, 1, 2) == [1, 2, 3]`,
      good: `# pytest.ini
[pytest]
asyncio_mode = strict

# test_asyncio_only.py
pytestmark = pytest.mark.asyncio`
    }
  },
  check(ctx) {
    const s = ctx.project.settings;
    if (s.asyncioMode.value !== "auto" || ctx.project.asyncio.disabled) return;
    if (s.anyioMode.value === "auto" && !s.anyioDisabled.value) return;
    if (s.anyioDisabled.value) return;
    const anyioTests = ctx.suite.tests().filter((t) => t.func.isAsync && ctx.suite.closestMark(t, "anyio"));
    if (!anyioTests.length) return;
    const cfgPath = ctx.project.configPath;
    const cfg = ctx.project.config;
    if (!cfgPath || cfg.text === null) return;
    const origin = s.asyncioMode.origin;
    let line;
    let edit = null;
    let where2;
    if (origin.kind === "ini") {
      line = origin.option.span.line;
      edit = ctx.project.replaceIniValueEdit("asyncio_mode", "strict");
      where2 = "`asyncio_mode = auto`";
    } else if (origin.kind === "addopts" && origin.args.length && origin.args[0]?.start !== null) {
      const first = origin.args[0];
      line = cfg.text.slice(0, first.start).split("\n").length;
      const last = origin.args[origin.args.length - 1];
      if (last.start !== null && last.end !== null) {
        const text = cfg.text.slice(last.start, last.end);
        const replaced = text.replace(/auto$/, "strict");
        if (replaced !== text) edit = { path: cfgPath, start: last.start, end: last.end, text: replaced };
      }
      where2 = "`--asyncio-mode=auto` in `addopts`";
    } else return;
    const edits = edit ? [edit] : [];
    const adopted = edit ? strictModeEdits(ctx, edits) : [];
    const names = anyioTests.map((t) => `\`${t.name}\``);
    ctx.report({
      path: cfgPath,
      span: { line, endLine: line, col: 1 },
      symbol: `config:${cfgPath}::asyncio_mode`,
      message: `${where2} makes pytest-asyncio claim every coroutine test, including ${anyioTests.length} anyio-marked one${anyioTests.length === 1 ? "" : "s"} (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", \u2026" : ""}): their bodies run in pytest-asyncio\u2019s loop, so \`[trio]\` parametrizations silently run on asyncio and their async fixtures may run in another loop than the test. Use \`asyncio_mode = strict\`, meant for suites that use several async libraries${adopted.length ? `; the fix also marks the tests pytest-asyncio should keep (${adopted.slice(0, 3).join(", ")}${adopted.length > 3 ? ", \u2026" : ""})` : ""}.`,
      related: anyioTests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` is anyio-marked but run by pytest-asyncio` })),
      involves: [...new Set(anyioTests.map((t) => t.file.path))],
      ...edit ? { fix: { title: "Use `asyncio_mode = strict` (and mark the pytest-asyncio tests)", edits, applicability: "safe" } } : {}
    });
  }
};
function strictModeEdits(ctx, edits) {
  const era = newestEra(ctx);
  const orphans = ctx.suite.tests().filter((t) => t.func.isAsync && !ctx.asyncio.asyncioMark(t) && !anyioRuns(ctx, t) && !trioRuns(ctx, t));
  const byFile = /* @__PURE__ */ new Map();
  for (const t of orphans) pushTo(byFile, t.file, t);
  const add = (more) => {
    for (const e of more) if (!edits.some((x) => x.path === e.path && x.start === e.start && x.end === e.end && x.text === e.text)) edits.push(e);
  };
  for (const [file, tests] of byFile) {
    if (!file.exactText) continue;
    const wholeModule = !file.pytestmark && file.tests.filter((t) => t.func.isAsync).every((t) => tests.includes(t)) && tests.every((t) => !neededTestLoop(ctx, t, era));
    if (wholeModule) add(addPytestmarkEdits(file, "asyncio"));
    else for (const t of tests) add(addAsyncioMarkEdits(ctx, t).edits);
  }
  const fixtures = /* @__PURE__ */ new Set();
  for (const t of orphans) for (const e of ctx.suite.closure(t)) if (!e.def.builtin && e.def.decoratorKind === "pytest" && e.def.func.isAsync) fixtures.add(e.def);
  for (const fx of fixtures) {
    if (!fx.file.exactText) continue;
    if (ctx.usersOf(fx).some((u) => u.func.isAsync && anyioRuns(ctx, u))) continue;
    add(toPytestAsyncioFixtureEdits(ctx, fx, []));
  }
  return orphans.map((t) => `\`${t.name}\``);
}

// src/rules/hypothesis/HY101.ts
var IMMUTABLE_BUILTINS = /* @__PURE__ */ new Set(["anyio_backend_name", "anyio_backend_options"]);
function suppressed(ctx, test) {
  for (const d of test.func.decorators) {
    if (d.qual !== "hypothesis.settings") continue;
    const v = d.value.kwargs?.get("suppress_health_check");
    if (v && /function_scoped_fixture|\.all\(\)|list\(\s*\w*\.?HealthCheck\s*\)/.test(v.text)) return true;
  }
  for (const f of ctx.suite.files.values()) {
    if (f.kind !== "conftest" && f.kind !== "plugin") continue;
    if (/suppress_health_check/.test(f.text) && /function_scoped_fixture|HealthCheck\.all\(\)|list\(\s*\w*\.?HealthCheck\s*\)/.test(f.text) && /load_profile|settings\.default/.test(f.text)) return true;
  }
  return false;
}
function functionScoped(ctx, test) {
  const direct = ctx.suite.directParams(test);
  const out2 = [];
  for (const name2 of test.func.argnames) {
    if (name2 === "request" || direct.has(name2)) continue;
    const def = ctx.suite.resolve(name2, test);
    if (def && def.scope === "function") out2.push(def);
  }
  return out2;
}
var HY101 = {
  meta: {
    code: "HY101",
    name: "given-with-function-scoped-fixture",
    severity: "error",
    plugin: "hypothesis",
    summary: "An async `@given` test requests a function-scoped fixture, which fails Hypothesis\u2019s `function_scoped_fixture` health check.",
    fixable: true,
    docs: {
      what: "Flags an async test decorated with Hypothesis\u2019s `@given` (run by pytest-asyncio or anyio) that takes a function-scoped fixture as a parameter \u2014 a project fixture, or a plugin one such as `tmp_path`, `monkeypatch` or anyio\u2019s `anyio_backend_name` \u2014 unless the health check is already suppressed.",
      why: "pytest sets a function-scoped fixture up once per test, but Hypothesis runs the body once per example, so every example shares one instance. Hypothesis refuses that by default: `hypothesis.errors.FailedHealthCheck: 'tests/test_frames.py::test_round_trip' uses a function-scoped fixture 'codec'.` (`HealthCheck.function_scoped_fixture`), for async tests exactly as for sync ones. Either widen the fixture (with a matching `loop_scope` and a test mark with that loop scope) or, when sharing it between examples is safe (an immutable value), suppress the check on that test.",
      versions: "Every Hypothesis version with the health check (since 6.x), with pytest-asyncio or anyio.",
      bad: `@pytest_asyncio.fixture
async def codec():
    return await load_codec()

@pytest.mark.asyncio
@given(kind=st.sampled_from(["ping", "data"]), payload=st.binary())
async def test_round_trip(codec, kind, payload):
    ...`,
      good: `@pytest.mark.asyncio
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # codec is immutable
@given(kind=st.sampled_from(["ping", "data"]), payload=st.binary())
async def test_round_trip(codec, kind, payload):
    ...`,
      references: ["https://hypothesis.readthedocs.io/en/latest/reference/api.html#hypothesis.HealthCheck.function_scoped_fixture"]
    }
  },
  check(ctx) {
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || !isGiven(test.func) || !pluginRuns(ctx, test)) continue;
      const fixtures = functionScoped(ctx, test);
      if (!fixtures.length || suppressed(ctx, test)) continue;
      const names = fixtures.map((f) => f.name);
      const list = names.map((n) => `\`${n}\``).join(", ");
      const fix = fixtures.every((f) => !f.builtin || IMMUTABLE_BUILTINS.has(f.name)) ? suppressFix(test, names) : null;
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` runs Hypothesis examples but takes the function-scoped fixture${names.length > 1 ? "s" : ""} ${list}: pytest sets ${names.length > 1 ? "them" : "it"} up once for all examples, so Hypothesis fails the test: \`hypothesis.errors.FailedHealthCheck: '${test.nodeid}' uses a function-scoped fixture '${names[0]}'.\` (\`HealthCheck.function_scoped_fixture\`). If sharing ${names.length > 1 ? "them" : "it"} between examples is safe (an immutable value), suppress the check on this test; otherwise widen the fixture\u2019s scope (with a matching \`loop_scope\`, and the test marked with that loop scope).`,
        related: fixtures.filter((f) => !f.builtin).map((f) => ({ path: f.file.path, line: f.func.anchor.line, endLine: f.func.anchor.endLine, message: `\`${f.name}\` is function-scoped (${where(f)})` })),
        involves: fixtures.filter((f) => !f.builtin).map((f) => f.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function suppressFix(test, names) {
  const file = test.file;
  if (!file.exactText) return null;
  const edits = [];
  let settingsName = localName(file, "hypothesis.settings");
  let hc = localName(file, "hypothesis.HealthCheck");
  const mod = localName(file, "hypothesis");
  const fromStyle = !!localName(file, "hypothesis.given");
  const need = [];
  if (!settingsName) {
    if (fromStyle && !usesName(file.text, "settings")) {
      settingsName = "settings";
      need.push("settings");
    } else if (mod) settingsName = `${mod}.settings`;
    else return null;
  }
  if (!hc) {
    if (fromStyle && !usesName(file.text, "HealthCheck")) {
      hc = "HealthCheck";
      need.push("HealthCheck");
    } else if (mod) hc = `${mod}.HealthCheck`;
    else return null;
  }
  const check = `${hc}.function_scoped_fixture`;
  const existing = test.func.decorators.find((d) => d.qual === "hypothesis.settings");
  if (existing) {
    if (existing.value.kind !== "call") return null;
    const v = existing.value.kwargs?.get("suppress_health_check");
    if (!v) edits.push(setKwarg(file, existing.value, "suppress_health_check", `[${check}]`));
    else if (v.kind === "list" && v.items?.length) {
      const last = v.items[v.items.length - 1];
      edits.push({ path: file.path, start: last.span.end, end: last.span.end, text: `, ${check}` });
    } else if (v.kind === "list") edits.push({ path: file.path, start: v.span.start, end: v.span.end, text: `[${check}]` });
    else return null;
  } else {
    const given = test.func.decorators.find((d) => d.qual === "hypothesis.given");
    const ls = file.lineStarts[given.span.line - 1];
    const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
    const subject = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are` : `${names[0]} is`;
    edits.push({ path: file.path, start: ls, end: ls, text: `${test.func.indent}@${settingsName}(suppress_health_check=[${check}])  # ${subject} immutable${eol}` });
  }
  if (need.length) edits.push(...fromImportEdits(file, "hypothesis", need));
  return { title: `Suppress \`function_scoped_fixture\` on \`${test.name}\` (only if ${names.join(", ")} can be shared between examples)`, edits, applicability: "unsafe" };
}

// src/rules/hypothesis/HY102.ts
var INVALID = "hypothesis.errors.InvalidArgument: Hypothesis doesn't know how to run async test functions like";
var HY102 = {
  meta: {
    code: "HY102",
    name: "given-async-test-not-handled",
    severity: "error",
    plugin: "hypothesis",
    summary: "A Hypothesis `@given` test is `async def`, but no async plugin runs it.",
    fixable: true,
    docs: {
      what: "Flags an `async def` test decorated with Hypothesis\u2019s `@given` that neither pytest-asyncio (asyncio mark, or auto mode) nor anyio (anyio mark, anyio auto mode) nor pytest-trio runs.",
      why: "`@given` wraps the coroutine function in a plain function, so pytest\u2019s \u201Cnot natively supported\u201D check does not see a coroutine and pytest-asyncio\u2019s strict mode does not claim it. Hypothesis calls it, gets a coroutine back and fails every run with `InvalidArgument: Hypothesis doesn't know how to run async test functions like \u2026`. An asyncio (or anyio) mark hands the test to the plugin, which drives Hypothesis\u2019s examples inside its loop.",
      versions: "All pytest-asyncio versions in strict mode; every Hypothesis version.",
      bad: `@given(st.lists(titles, max_size=15))
async def test_claims_are_unique(batch):
    registry = SlugRegistry()
    slugs = await asyncio.gather(*(registry.claim(t) for t in batch))
    assert len(set(slugs)) == len(slugs)`,
      good: `@pytest.mark.asyncio
@given(st.lists(titles, max_size=15))
async def test_claims_are_unique(batch):
    registry = SlugRegistry()
    slugs = await asyncio.gather(*(registry.claim(t) for t in batch))
    assert len(set(slugs)) == len(slugs)`
    }
  },
  check(ctx) {
    const pa = !ctx.project.asyncio.disabled && ctx.project.usesPytestAsyncio(ctx.suite);
    if (pa && ctx.project.asyncio.mode !== "strict" && ctx.project.asyncio.mode !== "auto") return;
    const anyio = !ctx.project.settings.anyioDisabled.value && ctx.project.versions.anyio.declared;
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || !isGiven(test.func) || pluginRuns(ctx, test)) continue;
      let edits = [];
      let mark = "";
      if (pa) ({ edits, mark } = addAsyncioMarkEdits(ctx, test));
      else if (anyio) {
        const { prefix, importEdit: importEdit2 } = markPrefix(test.file);
        mark = `${prefix}.anyio`;
        edits = [insertDecorator(test.file, test.func, mark), ...importEdit2 ? [importEdit2] : []];
      }
      const plugin = pa ? `pytest-asyncio runs in ${modeOrigin(ctx)} and the test has no \`asyncio\` mark` : "no async plugin is set up to run it";
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` is an \`async def\` test under Hypothesis\u2019s \`@given\`, and ${plugin}. \`@given\` hides the coroutine from pytest, so Hypothesis calls it, gets a coroutine back and fails every run: \`${INVALID} ${test.name}.\`. ` + (mark ? `Mark it \`@${mark}\` so the plugin runs each example in its loop.` : "Run it with pytest-asyncio or anyio (add the plugin and its mark)."),
        ...mark && test.file.exactText ? { fix: { title: `Mark \`${test.name}\` with \`@${mark}\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/groups/pa-modes.ts
var PA_MODE_RULES = [PA301, PA302, PA401, PA402, PA403, PA404, PA405, PA501, PA502, PA503, PA504, PA505, PA506, PA701, HY101, HY102];

// src/rules/anyio/backend-scope.ts
function backendScopeHits(ctx) {
  const out2 = [];
  for (const test of ctx.targetTests()) {
    const choice = ctx.anyio.backend(test);
    if (!choice) continue;
    const consumers = ctx.anyio.backendConsumers(test);
    if (!consumers.length) continue;
    const byScope = /* @__PURE__ */ new Map();
    for (const { scope, versions: versions2 } of choice.scopes) {
      if (!isScope(scope)) continue;
      const wider = consumers.filter((c2) => isScope(c2.def.scope) && scopeRank(c2.def.scope) > scopeRank(scope));
      if (!wider.length) continue;
      const prev = byScope.get(scope);
      byScope.set(scope, { wider, versions: [...prev?.versions ?? [], ...versions2] });
    }
    const merged = /* @__PURE__ */ new Map();
    const versions = [];
    let backendScope = null;
    for (const [scope, v] of [...byScope].sort((a, b) => scopeRank(b[0]) - scopeRank(a[0]))) {
      for (const c2 of v.wider) merged.set(c2.def, c2);
      versions.push(...v.versions);
      backendScope = scope;
    }
    if (!backendScope) continue;
    out2.push({ test, choice, wider: [...merged.values()], backendScope, versions });
  }
  return out2;
}
function backendSwitchEdits(ctx, tests, extra = []) {
  const fixtures = new Set(extra);
  for (const t of tests) {
    for (const e of ctx.anyio.anyioFixtures(t)) if (isScope(e.def.scope) && scopeRank(e.def.scope) >= scopeRank("class")) fixtures.add(e.def);
  }
  const edits = [];
  for (const fx of fixtures) {
    if (!fx.file.exactText || fx.func.argnames.includes("anyio_backend")) continue;
    const user = tests.find((t) => ctx.suite.closure(t).some((e2) => e2.def === fx)) ?? tests[0];
    if (user && ctx.anyio.dependsOnBackend(fx, user)) continue;
    const e = addParamEdit(fx.file, fx.func, "anyio_backend");
    if (e) edits.push(e);
  }
  return edits;
}

// src/rules/anyio/wording.ts
function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function backendsText(backends) {
  return backends.length > 1 ? `${backends.slice(0, -1).join(", ")} and ${backends[backends.length - 1]}` : backends[0] ?? "asyncio";
}
function testsText(tests) {
  const names = tests.map((t) => `\`${t.name}\``);
  if (names.length === 1) return `the test using it (${names[0]})`;
  if (names.length <= 3) return `the tests using it (${names.slice(0, -1).join(", ")} and ${names[names.length - 1]})`;
  return `the tests using it (${names.slice(0, 2).join(", ")} and ${names.length - 2} more)`;
}

// src/rules/anyio/AN101.ts
var AN101 = {
  meta: {
    code: "AN101",
    name: "higher-scope-fixture-default-backend",
    severity: "error",
    plugin: "anyio",
    summary: "A session- or package-scoped async fixture runs with anyio\u2019s default `anyio_backend`, which is only module-scoped.",
    fixable: true,
    docs: {
      what: "Flags an async fixture that anyio runs (a plain `@pytest.fixture async def` used by a test with `anyio_backend` in its closure) whose scope is wider than the scope of anyio\u2019s built-in `anyio_backend`: `session` or `package` from anyio 4.0 (the built-in is module-scoped), any scope but `function` on anyio 3.x (function-scoped). It is flagged regardless of test order.",
      why: "anyio appends `anyio_backend` to the fixture\u2019s arguments when it sets it up, and pytest resolves it from the fixture\u2019s own (wider) scope. Every test using the fixture errors at setup with `ScopeMismatch: You tried to access the module scoped fixture anyio_backend with a session scoped request object`. The error is order-dependent: it hides when a test without `anyio_backend` happens to create the fixture first, and comes back when a test is run alone.",
      versions: "anyio 3.0\u20133.7 (function-scoped default: class, module, package and session fixtures) and anyio 4.0 onwards (module-scoped default: package and session fixtures). The anyio docs still call the default function-scoped.",
      bad: `# conftest.py
@pytest.fixture(scope="session")
async def broker():
    b = Broker()
    yield b
    await b.aclose()`,
      good: `# conftest.py
@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.fixture(scope="session")
async def broker(anyio_backend):
    b = Broker()
    yield b
    await b.aclose()`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://github.com/agronholm/anyio/discussions/1156"]
    }
  },
  check(ctx) {
    const hits = backendScopeHits(ctx).filter((h) => h.choice.source === "plugin");
    if (!hits.length) return;
    const byFixture = /* @__PURE__ */ new Map();
    for (const h of hits) for (const c2 of h.wider) pushTo(byFixture, c2.def, h);
    const widest = /* @__PURE__ */ new Map();
    for (const fx of byFixture.keys()) {
      if (!isScope(fx.scope)) continue;
      const w = widest.get(fx.file);
      if (!w || scopeRank(fx.scope) > scopeRank(w)) widest.set(fx.file, fx.scope);
    }
    const plugin = ctx.anyio.pluginDefault();
    const info2 = ctx.project.versions.anyio;
    for (const [fx, fxHits] of byFixture) {
      if (!isScope(fx.scope)) continue;
      const versions = [...new Set(fxHits.flatMap((h) => h.versions))].sort((a, b) => info2.candidates.indexOf(a) - info2.candidates.indexOf(b));
      const defaultScope = fxHits[0].backendScope;
      const tests = [...new Set(fxHits.map((h) => h.test))];
      const scope = widest.get(fx.file) ?? fx.scope;
      const fix = overrideFix(ctx, fx.file, scope, plugin.backends, [...byFixture.keys()].filter((f) => f.file === fx.file), tests);
      const onVersions = versions.length === info2.candidates.length ? describeRange(info2) : `anyio ${describeSet(versions, "anyio")}, which the pins allow (${describeRange(info2)}; newer releases are not affected)`;
      const severity = versions.includes(ctx.anyio.newest) ? "error" : "warning";
      ctx.report({
        severity,
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `${cap(fx.scope)}-scoped async fixture \`${fx.name}\` runs with anyio's default \`anyio_backend\`, which is ${defaultScope}-scoped on ${onVersions}. anyio resolves \`anyio_backend\` at the fixture's own scope, so ${testsText(tests)} error${tests.length === 1 ? "s" : ""} at setup: \`${fixtureScopeMismatch(defaultScope, "anyio_backend", fx.scope)}\`. The error is order-dependent (it hides when a test without \`anyio_backend\` sets the fixture up first), so it is flagged regardless of order. Override \`anyio_backend\` with \`scope="${scope}"\` in ${fx.file.path}, keeping the ${backendsText(plugin.backends)} backend${plugin.backends.length > 1 ? "s" : ""}` + (plugin.backends.length > 1 ? `, and let \`${fx.name}\` request \`anyio_backend\` so it is rebuilt when the backend switches (AN105).` : "."),
        related: tests.slice(0, 3).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` uses \`${fx.name}\` with the default \`anyio_backend\`` })),
        involves: tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function overrideFix(ctx, file, scope, backends, flagged, tests) {
  if (!file.exactText) return null;
  const text = file.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const defs = [...file.functions.map((f) => f.anchor), ...file.classes.map((c2) => c2.anchor)].sort((a, b) => a.start - b.start);
  const first = defs[0];
  if (!first) return null;
  let at = file.lineStarts[first.line - 1];
  for (; ; ) {
    if (at === 0) break;
    const prev = text.lastIndexOf("\n", at - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(prev, at))) break;
    at = prev;
  }
  const edits = [];
  let fixture = localName(file, "pytest") ? `${localName(file, "pytest")}.fixture` : localName(file, "pytest.fixture");
  if (!fixture) {
    fixture = "pytest.fixture";
    edits.push(importEdit(file, "pytest"));
  }
  const q = preferredQuote2(file);
  const indent = bodyIndent(file);
  const lines = backends.length > 1 ? [`@${fixture}(scope=${pyString(scope, q)}, params=[${backends.map((b) => pyString(b, q)).join(", ")}])`, `def anyio_backend(request):`, `${indent}return request.param`] : [`@${fixture}(scope=${pyString(scope, q)})`, `def anyio_backend():`, `${indent}return ${pyString(backends[0] ?? "asyncio", q)}`];
  edits.push({ path: file.path, start: at, end: at, text: lines.join(eol) + eol + eol + eol });
  if (backends.length > 1) edits.push(...backendSwitchEdits(ctx, tests, flagged));
  return {
    title: `Override \`anyio_backend\` with \`scope="${scope}"\` in ${file.path}`,
    edits,
    applicability: "safe"
  };
}
function bodyIndent(file) {
  const m = /\n([ \t]+)\S/.exec(file.text);
  return m ? m[1] : "    ";
}

// src/rules/anyio/AN102.ts
var AN102 = {
  meta: {
    code: "AN102",
    name: "backend-override-narrower-than-async-fixture",
    severity: "error",
    plugin: "anyio",
    summary: "An `anyio_backend` override is narrower than an async fixture that gets its backend from it.",
    fixable: true,
    docs: {
      what: "Flags a user-defined `anyio_backend` fixture (the one pytest picks for a test: class, then module, then the nearest conftest) whose scope is narrower than an async fixture anyio runs for that test, or than a fixture that requests `anyio_backend` itself. Every async fixture in the closure counts, not only those that name `anyio_backend`: the plugin injects it into all of them. Flagged regardless of test order.",
      why: "anyio resolves `anyio_backend` at the async fixture\u2019s own scope, so a function-scoped override cannot serve a module-scoped fixture: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend with a module scoped request object`, and every test using that fixture errors at setup. Users often introduce it by copying the anyio docs\u2019 function-scoped override: before that, the plugin\u2019s module-scoped default made their module-scoped fixtures work.",
      versions: "Every anyio version.",
      bad: `# conftest.py
@pytest.fixture
def anyio_backend():
    return "asyncio"

# test_bucket.py
@pytest.fixture(scope="module")
async def shared_bucket():
    yield TokenBucket(rate=200, capacity=5)`,
      good: `# conftest.py
@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html#specifying-the-backends-to-run-on", "https://github.com/agronholm/anyio/pull/984"]
    }
  },
  check(ctx) {
    const byDef = /* @__PURE__ */ new Map();
    for (const h of backendScopeHits(ctx)) {
      const def = h.choice.def;
      if (h.choice.source !== "fixture" || !def || def.builtin) continue;
      for (const c2 of h.wider) {
        const s = c2.def.scope;
        const cur = byDef.get(def);
        if (!cur) byDef.set(def, { fixture: c2.def, scope: s, tests: [h.test] });
        else {
          if (scopeRank(s) > scopeRank(cur.scope)) {
            cur.scope = s;
            cur.fixture = c2.def;
          }
          if (!cur.tests.includes(h.test)) cur.tests.push(h.test);
        }
      }
    }
    for (const [def, { fixture, scope, tests }] of byDef) {
      const own = isScope(def.scope) ? def.scope : "function";
      const file = def.file;
      let fix;
      if (file.exactText) {
        const q = preferredQuote2(file, def.decorator.value);
        const edit = def.scopeValue ? replaceValue(file, def.scopeValue, scope) : setKwarg(file, def.decorator.value, "scope", pyString(scope, q));
        fix = { title: `Give \`anyio_backend\` \`scope="${scope}"\``, edits: [edit], applicability: "safe" };
      }
      ctx.report({
        path: file.path,
        span: def.func.anchor,
        symbol: fixtureSymbol(def),
        message: `This \`anyio_backend\` override is ${own}-scoped, but the ${scope}-scoped async fixture \`${fixture.name}\` (${where(fixture)}) gets its backend from it. anyio resolves \`anyio_backend\` at the fixture's own scope, so ${testsText(tests)} error${tests.length === 1 ? "s" : ""} at setup: \`${fixtureScopeMismatch(own, "anyio_backend", scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}; the error is order-dependent (it hides when a test without \`anyio_backend\` sets the fixture up first), so it is flagged regardless of order. ${cap(scope)} scope is the widest async fixture using it: give the override \`scope="${scope}"\`.`,
        related: [{ path: fixture.file.path, line: fixture.func.anchor.line, endLine: fixture.func.anchor.endLine, message: `${scope}-scoped async fixture \`${fixture.name}\` resolves \`anyio_backend\` at ${scope} scope` }],
        involves: [fixture.file.path, ...tests.map((t) => t.file.path)],
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/anyio/AN103.ts
var AN103 = {
  meta: {
    code: "AN103",
    name: "parametrize-backend-with-scoped-fixture",
    severity: "error",
    plugin: "anyio",
    summary: "A test parametrizes `anyio_backend` directly while using an async fixture with a wider scope.",
    fixable: true,
    docs: {
      what: 'Flags a test that chooses its backend with `@pytest.mark.parametrize("anyio_backend", ...)` (on the test, its class or its module) without a `scope=` at least as wide as every async fixture anyio runs for it. Flagged regardless of test order.',
      why: "Direct parametrization creates a function-scoped `anyio_backend` pseudo-fixture. anyio resolves `anyio_backend` at each async fixture\u2019s own scope, so a module-scoped fixture errors at setup: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend with a module scoped request object` (requested from `get_direct_param_fixture_func`). The error is order-dependent: it disappears when another test sets the fixture up first.",
      versions: "Every anyio version.",
      bad: `@pytest.fixture(scope="module")
async def warm_cache():
    return await load_cache()


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_hit(anyio_backend, warm_cache):
    ...`,
      good: `@pytest.mark.parametrize("anyio_backend", ["asyncio"], scope="module")
async def test_hit(anyio_backend, warm_cache):
    ...`,
      references: ["https://docs.pytest.org/en/stable/reference/reference.html#pytest.Metafunc.parametrize"]
    }
  },
  check(ctx) {
    for (const h of backendScopeHits(ctx)) {
      const mark = h.choice.mark;
      if (h.choice.source !== "parametrize" || !mark) continue;
      const widest = h.wider.reduce((a, b) => scopeRank(b.def.scope) > scopeRank(a.def.scope) ? b : a);
      const scope = widest.def.scope;
      const test = h.test;
      const file = test.file;
      let fix;
      if (file.exactText) {
        const existing = mark.mark.kwargs.get("scope");
        const q = preferredQuote2(file, mark.mark.value);
        const edits = [existing ? replaceValue(file, existing, scope) : setKwarg(file, mark.mark.value, "scope", pyString(scope, q))];
        if (h.choice.backends.length > 1) edits.push(...backendSwitchEdits(ctx, [test]));
        fix = { title: `Add \`scope="${scope}"\` to the \`anyio_backend\` parametrize`, edits, applicability: "safe" };
      }
      const level = mark.level === "function" ? "" : ` (on its ${mark.level})`;
      ctx.report({
        path: file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` parametrizes \`anyio_backend\` directly${level}, which makes it a ${h.backendScope}-scoped pseudo-fixture, but the ${scope}-scoped async fixture \`${widest.def.name}\` (${where(widest.def)}) gets its backend from it. anyio resolves \`anyio_backend\` at the fixture's own scope, so the test errors at setup: \`${fixtureScopeMismatch(h.backendScope, "anyio_backend", scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}. It is order-dependent (another test that sets \`${widest.def.name}\` up first hides it), so it is flagged regardless of order. Add \`scope="${scope}"\` to the parametrize, or choose the backend in a ${scope}-scoped \`anyio_backend\` fixture.`,
        related: [{ path: widest.def.file.path, line: widest.def.func.anchor.line, endLine: widest.def.func.anchor.endLine, message: `${scope}-scoped async fixture \`${widest.def.name}\`` }],
        involves: [widest.def.file.path],
        ...fix ? { fix } : {}
      });
    }
  }
};

// src/rules/anyio/AN104.ts
var HELPERS = {
  anyio_backend_name: { variable: ["name", "backend_name"], expr: "anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]" },
  anyio_backend_options: { variable: ["options", "backend_options"], expr: "{} if isinstance(anyio_backend, str) else anyio_backend[1]" }
};
var AN104 = {
  meta: {
    code: "AN104",
    name: "scoped-fixture-uses-backend-name",
    severity: "error",
    plugin: "anyio",
    summary: "A class-, module-, package- or session-scoped fixture requests the function-scoped `anyio_backend_name` or `anyio_backend_options`.",
    fixable: true,
    docs: {
      what: "Flags a fixture with a scope wider than `function` that requests `anyio_backend_name` or `anyio_backend_options` (anyio\u2019s helpers, unless the project overrides them with a wider scope).",
      why: "The helpers are function-scoped in every anyio version, so pytest refuses them to a wider fixture and every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend_name with a module scoped request object`. Widening `anyio_backend` does not help. Requesting `anyio_backend` (module-scoped by default from anyio 4.0) and deriving the name does, and it also rebuilds the fixture when the backend switches.",
      versions: "Every anyio version.",
      bad: `@pytest.fixture(scope="module")
async def queue(anyio_backend_name):
    q = JobQueue(f"thumbs-{anyio_backend_name}")
    yield q
    await q.close()`,
      good: `@pytest.fixture(scope="module")
async def queue(anyio_backend):
    name = anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
    q = JobQueue(f"thumbs-{name}")
    yield q
    await q.close()`
    }
  },
  check(ctx) {
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || !isScope(fx.scope) || fx.scope === "function") continue;
      const asked = Object.keys(HELPERS).filter((h) => fx.func.argnames.includes(h));
      if (!asked.length) continue;
      const users = ctx.usersOf(fx);
      if (!users.length) continue;
      const bad = [];
      for (const h of asked) {
        const def = ctx.suite.resolve(h, users[0], fx.name === h ? fx : void 0);
        const s = def && isScope(def.scope) ? def.scope : "function";
        if (scopeRank(s) < scopeRank(fx.scope)) bad.push({ helper: h, scope: s });
      }
      if (!bad.length) continue;
      const narrowBackend = users.map((u) => ctx.anyio.backend(u)).find((b) => b && b.scopes.some((x) => isScope(x.scope) && scopeRank(x.scope) < scopeRank(fx.scope)));
      const fix = narrowBackend ? null : deriveFix(fx, bad.map((b) => b.helper));
      const first = bad[0];
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `${cap(fx.scope)}-scoped fixture \`${fx.name}\` requests ${bad.map((b) => `\`${b.helper}\``).join(" and ")}, which ${bad.length > 1 ? "are" : "is"} ${first.scope}-scoped in every anyio version, so ${testsText(users)} error${users.length === 1 ? "s" : ""} at setup: \`${fixtureScopeMismatch(first.scope, first.helper, fx.scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}. Widening \`anyio_backend\` does not change that. Request \`anyio_backend\` instead and derive the ${bad.map((b) => b.helper === "anyio_backend_name" ? "name" : "options").join(" and ")} from it` + (narrowBackend ? `; \`anyio_backend\` is only ${narrowBackend.scope}-scoped here, so it also needs an override with \`scope="${fx.scope}"\` in the conftest (AN101/AN102).` : " (or override the helper in a conftest with a wider scope)."),
        involves: users.map((u) => u.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function deriveFix(fx, helpers) {
  const file = fx.file;
  if (!file.exactText) return null;
  const fn = fx.func;
  const text = file.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const body2 = firstBodyStatement(file, fx);
  if (!body2) return null;
  const edits = [];
  let renamed = fn.argnames.includes("anyio_backend");
  for (const h of helpers) {
    const p = fn.params.find((x) => x.name === h);
    if (!p) return null;
    if (!renamed) {
      edits.push({ path: file.path, start: p.span.start, end: p.span.start + h.length, text: "anyio_backend" });
      renamed = true;
    } else {
      const e = removeParamEdit(file, fn, h);
      if (!e) return null;
      edits.push(e);
    }
  }
  const bodyText = codeOnly(text.slice(body2.insertAt, fn.whole.end));
  const lines = [];
  for (const h of helpers) {
    const variable = HELPERS[h].variable.find((v) => !new RegExp(`(?<![\\w.])${v}(?!\\w)`).test(bodyText)) ?? `${HELPERS[h].variable[1]}_`;
    lines.push(`${body2.indent}${variable} = ${HELPERS[h].expr}${eol}`);
    const re = new RegExp(`(?<![\\w.])${h}(?!\\w)`, "g");
    let m;
    while (m = re.exec(bodyText)) edits.push({ path: file.path, start: body2.insertAt + m.index, end: body2.insertAt + m.index + h.length, text: variable });
  }
  edits.push({ path: file.path, start: body2.insertAt, end: body2.insertAt, text: lines.join("") });
  return {
    title: `Request \`anyio_backend\` in \`${fx.name}\` and derive ${helpers.map((h) => `\`${h}\``).join(" and ")} from it`,
    edits,
    applicability: "safe"
  };
}
function firstBodyStatement(file, fx) {
  const text = file.text;
  const colon = text.indexOf(":", fx.func.defSpan.end);
  if (colon < 0) return null;
  const nl = text.indexOf("\n", colon);
  if (nl < 0 || !/^[ \t]*(#.*)?\r?$/.test(text.slice(colon + 1, nl))) return null;
  let p = nl + 1;
  for (; ; ) {
    if (p >= fx.func.whole.end) return null;
    const e = text.indexOf("\n", p);
    const line = text.slice(p, e < 0 ? text.length : e);
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) {
      if (e < 0) return null;
      p = e + 1;
      continue;
    }
    break;
  }
  const indent = /^[ \t]*/.exec(text.slice(p))?.[0] ?? "";
  const stmt = p + indent.length;
  const first = statementAt(text, stmt, fx.func.whole.end);
  if (first?.kind === "str" && /^[ \t]*(#.*)?\r?(\n|$)/.test(text.slice(first.end))) {
    const e = text.indexOf("\n", first.end);
    if (e < 0) return null;
    return { insertAt: e + 1, indent };
  }
  return { insertAt: p, indent };
}

// src/rules/anyio/AN105.ts
var AN105 = {
  meta: {
    code: "AN105",
    name: "scoped-async-fixture-ignores-backend-switch",
    severity: "warning",
    plugin: "anyio",
    summary: "A class-or-wider async fixture does not request `anyio_backend`, so it survives a backend switch and the next backend\u2019s tests run on the old loop.",
    fixable: true,
    docs: {
      what: "Flags a class-, module-, package- or session-scoped async fixture that anyio runs, that does not request `anyio_backend` (directly or through its own fixtures), and whose tests run on several backends (the default asyncio and trio, a `params=[...]` override, or a multi-value parametrize).",
      why: "pytest only tears a cached fixture down when one of its own parameters changes. A fixture that does not depend on `anyio_backend` therefore stays alive from the `[asyncio]` tests into the `[trio]` tests, and so does the anyio runner lease it holds: anyio reuses the open asyncio runner whatever backend a test asks for, so the `[trio]` tests silently run on asyncio (observed with anyio 4.14.2, default backends too). Nothing fails; trio is simply never tested.",
      versions: "anyio 4.0 onwards (one runner per lease holder); 3.x behaves the same for runners held by a scoped fixture.",
      bad: `pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def pool():
    yield SessionPool(size=2)`,
      good: `pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def pool(anyio_backend):
    yield SessionPool(size=2)`
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    for (const fx of ctx.fixturesInScope()) {
      if (!anyio.runsFixture(fx) || !isScope(fx.scope) || scopeRank(fx.scope) < scopeRank("class")) continue;
      if (fx.func.argnames.includes("anyio_backend")) continue;
      const users = ctx.usersOf(fx).filter((t) => anyio.hasBackend(t) && anyio.anyioFixtures(t).some((e) => e.def === fx));
      if (!users.length || anyio.dependsOnBackend(fx, users[0])) continue;
      const backends = [];
      for (const t of users) {
        const b = anyio.backend(t);
        if (!b || !b.exact) continue;
        for (const n of b.backends) if (!backends.includes(n)) backends.push(n);
      }
      if (backends.length < 2) continue;
      backends.sort((a, b) => order(a) - order(b));
      if (flaggedByAn101(ctx.anyio, fx, users)) continue;
      const edit = fx.file.exactText ? addParamEdit(fx.file, fx.func, "anyio_backend") : null;
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `${cap(fx.scope)}-scoped async fixture \`${fx.name}\` does not request \`anyio_backend\`, but its tests run on ${backendsText(backends)}. pytest keeps it (and the anyio runner it holds) alive when the backend switches, so the tests after the switch silently run on the first backend's loop: the \`[trio]\` items never run on trio (observed with anyio 4.14.2). Here: ${describeRange(ctx.project.versions.anyio)}. Add \`anyio_backend\` to its parameters so it is rebuilt per backend.`,
        involves: users.map((u) => u.file.path),
        ...edit ? { fix: { title: `Make \`${fx.name}\` request \`anyio_backend\``, edits: [edit], applicability: "safe" } } : {}
      });
    }
  }
};
function order(backend) {
  const i2 = KNOWN_BACKENDS.indexOf(backend);
  return i2 < 0 ? KNOWN_BACKENDS.length : i2;
}
function flaggedByAn101(anyio, fx, users) {
  return users.some((t) => {
    const b = anyio.backend(t);
    return !!b && b.source === "plugin" && b.scopes.some((s) => AnyioModel.wider(fx.scope, s.scope));
  });
}

// src/rules/anyio/AN301.ts
var AN301 = {
  meta: {
    code: "AN301",
    name: "mixed-async-plugins-hijack",
    severity: "warning",
    plugin: "anyio",
    summary: "A test carries both the `anyio` and the `asyncio` mark: pytest-asyncio runs it, and its `[trio]` item runs on asyncio.",
    fixable: true,
    docs: {
      what: "Flags an `async def` test that has an `anyio` mark and an `asyncio` mark (on the function, its class or its module) in a project where pytest-asyncio is installed.",
      why: "anyio still parametrizes the test over its backends, but pytest-asyncio replaces the test function with a synchronous wrapper before anyio\u2019s hook sees it, so anyio does nothing: both `test[asyncio]` and `test[trio]` run on pytest-asyncio\u2019s loop (`sniffio.current_async_library()` says `asyncio` in the `[trio]` item). Plain async fixtures are still set up by anyio, on the requested backend, so trio-backed objects reach an asyncio test body and fail (`RuntimeError: must be called from async context`).",
      versions: "Every anyio version with every pytest-asyncio version.",
      bad: `@pytest.mark.anyio
@pytest.mark.asyncio
async def test_waiter_wakes_on_release(manager):
    ...`,
      good: `@pytest.mark.anyio
async def test_waiter_wakes_on_release(manager):
    ...`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://github.com/agronholm/anyio/issues/505"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    if (!anyio.enabled || !anyio.pytestAsyncioActive) return;
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync) continue;
      const am = anyio.anyioMark(test);
      const pm = ctx.suite.closestMark(test, "asyncio", ctx.asyncio.baseClassMarksFirst);
      if (!am || !pm) continue;
      const pytestmark = pm.level === "module" ? test.file.pytestmark : pm.level === "class" ? pm.cls?.pytestmark : void 0;
      const edits = pm.level === "function" ? removeMarkEdits(test.file, pm.mark, pytestmark) : null;
      const where2 = pm.level === "function" ? "its `asyncio` mark" : `the \`asyncio\` mark on its ${pm.level}`;
      const backends = anyio.backend(test)?.backends ?? ["asyncio", "trio"];
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `\`${test.name}\` has both an \`anyio\` mark (on its ${am.level}) and ${where2}. pytest-asyncio takes the test over and anyio never runs its body: ` + (backends.length > 1 ? `the ${backends.map((b) => `\`[${b}]\``).join(" and ")} items all run on asyncio, silently` : `it runs in pytest-asyncio's loop, not anyio's`) + `, while its plain async fixtures are still set up by anyio on the requested backend. Affects ${describeRange(ctx.project.versions.anyio)}. ` + (edits ? "Remove the `asyncio` mark." : `Remove the \`asyncio\` mark from the ${pm.level} for this test (or move the test), or keep pytest-asyncio in strict mode away from anyio tests.`),
        ...edits ? { fix: { title: `Remove \`@pytest.mark.asyncio\` from \`${test.name}\``, edits, applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/anyio/AN302.ts
var AN302 = {
  meta: {
    code: "AN302",
    name: "pytest-asyncio-fixture-in-anyio-test",
    severity: "error",
    plugin: "anyio",
    summary: "An anyio test uses an async `@pytest_asyncio.fixture`, which runs in pytest-asyncio\u2019s loop instead of the test\u2019s.",
    fixable: true,
    docs: {
      what: "Flags an async fixture declared with `@pytest_asyncio.fixture` that a test run by anyio requests, directly or through other fixtures.",
      why: "pytest-asyncio sets the fixture up in its own event loop, and anyio runs the test in its runner loop (or under trio), so whatever the fixture creates belongs to another loop. On `[asyncio]` awaiting it fails with `\u2026 is bound to a different event loop` or hangs (a serving task on a loop that never runs again); on `[trio]` it fails with `RuntimeError: no running event loop` or `AttributeError: 'NoneType' object has no attribute 'create_future'`. A fixture that yields inside a task group or cancel scope also fails at teardown, because pytest-asyncio runs setup and teardown in different tasks. A plain `@pytest.fixture` lets anyio run the fixture in the test\u2019s runner.",
      versions: "Every anyio version with every pytest-asyncio version (both the strict and the auto mode).",
      bad: `import pytest_asyncio


@pytest_asyncio.fixture
async def room():
    r = Room("general")
    yield r
    await r.close()`,
      good: `import pytest


@pytest.fixture
async def room():
    r = Room("general")
    yield r
    await r.close()`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://github.com/pytest-dev/pytest-asyncio/issues/1191"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    if (!anyio.enabled) return;
    const users = /* @__PURE__ */ new Map();
    for (const t of ctx.targetTests()) {
      for (const e of anyio.pytestAsyncioFixtures(t)) pushTo(users, e.def, t);
    }
    for (const [fx, tests] of users) {
      const asyncioUsers2 = ctx.usersOf(fx).filter((t) => anyio.takenOver(t) || !t.func.isAsync && !anyio.hasBackend(t));
      const backends = new Set(tests.flatMap((t) => anyio.backend(t)?.backends ?? []));
      const narrow = tests.map((t) => anyio.backend(t)).find((b) => b && b.scopes.some((x) => AnyioModel.wider(fx.scope, x.scope)));
      const switches = isScope(fx.scope) && scopeRank(fx.scope) >= scopeRank("class") && backends.size > 1 && !anyio.dependsOnBackend(fx, tests[0]);
      const fix = asyncioUsers2.length || narrow ? null : plainFixtureFix(fx, switches);
      const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 2 ? ` and ${tests.length - 2} more` : "");
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `\`${fx.name}\` is a \`@pytest_asyncio.fixture\`, but anyio runs the test${tests.length > 1 ? "s" : ""} using it (${names}). pytest-asyncio sets it up in its own event loop while anyio runs the test body in its runner` + (backends.has("trio") ? " or under trio" : "") + `, so what the fixture creates belongs to another loop: awaiting it fails (\`${BOUND_TO_OTHER_LOOP}\`${backends.has("trio") ? `; on \`[trio]\`: \`${NO_RUNNING_LOOP}\`` : ""}) or hangs. ` + (asyncioUsers2.length ? `It cannot simply become a plain \`@pytest.fixture\`: pytest-asyncio tests use it too (${asyncioUsers2.slice(0, 2).map((t) => `\`${t.name}\``).join(", ")}), and in strict mode they would lose it. Give the anyio tests a separate plain \`@pytest.fixture\` version of it.` : narrow ? `Declare it with plain \`@pytest.fixture\` (dropping \`loop_scope\`) so anyio runs it in the test\u2019s runner; as a ${fx.scope}-scoped anyio fixture it also needs an \`anyio_backend\` override with \`scope="${fx.scope}"\` (the one it gets is ${narrow.scope}-scoped).` : `Declare it with plain \`@pytest.fixture\` (dropping \`loop_scope\`${switches ? ", and requesting `anyio_backend` so it follows backend switches" : ""}) so anyio runs it in the test\u2019s runner.`),
        involves: tests.map((t) => t.file.path),
        ...fix ? { fix } : {}
      });
    }
  }
};
function plainFixtureFix(fx, addBackend) {
  const file = fx.file;
  if (!file.exactText) return null;
  const dv = fx.decorator.value;
  const edits = [];
  const py = localName(file, "pytest");
  edits.push(replaceCallee(file, dv, `${py ?? "pytest"}.fixture`));
  if (dv.kwargs?.has("loop_scope")) {
    const e = removeKwarg(file, dv, "loop_scope");
    if (!e) return null;
    edits.push(e);
  }
  const pa = localName(file, "pytest_asyncio");
  const stillUsed = pa ? identifierUsedElsewhere(file, pa, [{ start: dv.span.start, end: dv.argList?.start ?? dv.span.end }]) : true;
  const paImport = /^import pytest_asyncio[ \t]*(\r?\n|$)/m.exec(file.text);
  if (!py) {
    if (paImport && !stillUsed) {
      const lineEnd = paImport.index + paImport[0].length - (paImport[1] ?? "").length;
      edits.push({ path: file.path, start: paImport.index, end: lineEnd, text: "import pytest" });
    } else edits.push(importEdit(file, "pytest"));
  } else if (paImport && !stillUsed) {
    edits.push({ path: file.path, start: paImport.index, end: paImport.index + paImport[0].length, text: "" });
  }
  if (addBackend) {
    const e = addParamEdit(file, fx.func, "anyio_backend");
    if (!e) return null;
    edits.push(e);
  }
  if (!paImport) edits.push(...pruneImportEdits(file, edits));
  return { title: `Declare \`${fx.name}\` with plain \`@pytest.fixture\``, edits, applicability: "safe" };
}

// src/rules/anyio/AN303.ts
var AN303 = {
  meta: {
    code: "AN303",
    name: "both-auto-modes",
    severity: "warning",
    plugin: "anyio",
    summary: "`anyio_mode = auto` and `asyncio_mode = auto` are both set: pytest-asyncio runs every async test, including the `[trio]` items.",
    fixable: true,
    docs: {
      what: "Flags the `asyncio_mode` and `anyio_mode` settings (ini options, `-o`, or `--asyncio-mode=`/`--anyio-mode=` in `addopts`) when both select `auto`, on anyio 4.11 or newer (where `anyio_mode` exists) with pytest-asyncio installed.",
      why: "Both plugins then claim every coroutine test. pytest-asyncio wins: it wraps the test and its plain async fixtures before anyio sees them, while anyio still parametrizes the test over its backends, so every `[trio]` item silently runs on asyncio. anyio warns `PytestConfigWarning: AnyIO auto mode has been enabled together with pytest-asyncio auto mode. This may cause unexpected behavior.` (for ini settings; anyio 4.11\u20134.14.2 does not notice command-line flags).",
      versions: "anyio 4.11 onwards (the `anyio_mode` option) with any pytest-asyncio.",
      bad: `[pytest]
asyncio_mode = auto
anyio_mode = auto`,
      good: `[pytest]
anyio_mode = auto`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    const s = ctx.project.settings;
    if (!anyio.enabled || !anyio.autoMode || !ctx.asyncio.auto || s.asyncioDisabled.value) return;
    if (!anyio.pytestAsyncioActive) return;
    const cfg = ctx.project.config;
    const a = originLines(s.asyncioMode.origin);
    const b = originLines(s.anyioMode.origin);
    const anchors = [a, b].filter((x) => !!x);
    if (!cfg.path || !anchors.length) return;
    const line = Math.min(...anchors.map((x) => x.line));
    const endLine = Math.max(...anchors.map((x) => x.endLine));
    const col = anchors.find((x) => x.line === line)?.col ?? 1;
    let edit = null;
    const o = s.asyncioMode.origin;
    if (o.kind === "ini") edit = ctx.project.removeIniOptionEdit("asyncio_mode");
    else if (o.kind === "addopts") edit = removeAddoptsArgsEdit(cfg, o.args);
    const versions = anyio.versionsFrom("4.11");
    const tests = anyio.suite.tests().filter((t) => t.func.isAsync).length;
    ctx.report({
      path: cfg.path,
      span: { line, endLine, col },
      symbol: `config:${cfg.path}::asyncio_mode+anyio_mode`,
      message: `Both auto modes are on: \`asyncio_mode = auto\` and \`anyio_mode = auto\`. pytest-asyncio claims every coroutine test${tests ? ` (${tests} here)` : ""} and plain async fixture before anyio sees them, while anyio still parametrizes them over its backends, so every \`[trio]\` item silently runs on asyncio. anyio ${describeSet(versions, "anyio")} warns \`${ANYIO_BOTH_AUTO_MODES}\`. Drop \`asyncio_mode = auto\` (pytest-asyncio falls back to strict mode and runs only \`@pytest.mark.asyncio\` tests), or drop \`anyio_mode = auto\` if the suite is meant for pytest-asyncio.`,
      ...edit ? { fix: { title: "Remove `asyncio_mode = auto` (keep anyio\u2019s auto mode)", edits: [edit], applicability: "safe" } } : {}
    });
  }
};
function originLines(o) {
  if (o.kind === "ini" || o.kind === "addopts" && o.option) {
    const opt = o.option;
    return { line: opt.span.line, endLine: opt.span.endLine, col: opt.span.col };
  }
  return null;
}

// src/rules/anyio/AN304.ts
var AN304 = {
  meta: {
    code: "AN304",
    name: "pytest-trio-trio-mode",
    severity: "error",
    plugin: "anyio",
    summary: "pytest-trio\u2019s trio mode is on where anyio tests live: `[trio]` items fail and `[asyncio]` items run under trio.",
    fixable: true,
    docs: {
      what: "Flags `trio_mode = true` in the pytest configuration, or `from pytest_trio.enable_trio_mode import *` in a conftest.py (or that module in its `pytest_plugins`), when anyio runs tests in its reach.",
      why: "Trio mode marks every `async def` test for pytest-trio. For an anyio test, pytest-trio calls `trio.run` around the test while anyio runs it too: the `[trio]` item fails with `RuntimeError: Attempted to call run() from inside a run()`, and the `[asyncio]` item passes with its body running under trio, not asyncio.",
      versions: "Every anyio version with pytest-trio 0.6 onwards (trio mode).",
      bad: `# conftest.py
from pytest_trio.enable_trio_mode import *`,
      good: `# conftest.py
# trio tests are marked with @pytest.mark.trio; anyio tests with @pytest.mark.anyio`,
      references: ["https://pytest-trio.readthedocs.io/en/stable/reference.html#trio-mode"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    if (!anyio.enabled || ctx.project.settings.trioDisabled.value) return;
    const anyioTests = ctx.targetTests().filter((t) => anyio.isAnyioTest(t));
    if (!anyioTests.length) return;
    if (anyio.trioModeIni && anyio.pytestTrioInstalled) {
      const opt = ctx.project.iniOption("trio_mode");
      if (opt) {
        const edit = ctx.project.removeIniOptionEdit("trio_mode");
        const others = otherAsyncTests(ctx, ctx.targetTests(), anyioTests);
        report2(ctx, opt.path, { line: opt.line, endLine: opt.endLine, col: opt.col }, `config:${opt.path}::trio_mode`, "`trio_mode = true`", anyioTests, others, edit ? [edit] : null);
      }
    }
    for (const f of ctx.suite.files.values()) {
      if (f.kind !== "conftest") continue;
      const hit = trioModeLine(f);
      if (!hit) continue;
      const dir = f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/") + 1) : "";
      const covered = anyioTests.filter((t) => t.file.path.startsWith(dir));
      if (!covered.length) continue;
      const others = otherAsyncTests(ctx, ctx.targetTests().filter((t) => t.file.path.startsWith(dir)), covered);
      const single = !f.pytestPlugins?.names.includes("pytest_trio.enable_trio_mode") || f.pytestPlugins.names.length === 1;
      const edits = f.exactText && single ? deleteLines(f, range2(hit.line, hit.endLine)) : null;
      report2(ctx, f.path, hit, `conftest:${f.path}::enable_trio_mode`, hit.what, covered, others, edits);
    }
  }
};
function report2(ctx, path6, span, symbol, what, tests, others, edits) {
  const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 2 ? ` and ${tests.length - 2} more` : "");
  const fixable = edits && !others.length;
  ctx.report({
    path: path6,
    span,
    symbol,
    message: `${what} turns on pytest-trio's trio mode, which takes every \`async def\` test, including the anyio tests here (${names}): their \`[trio]\` items fail with \`${TRIO_RUN_INSIDE_RUN}\` and their \`[asyncio]\` items run under trio. ` + (others.length ? `Trio mode also runs ${others.length} unmarked trio test${others.length > 1 ? "s" : ""} here (${others.slice(0, 2).map((t) => `\`${t.name}\``).join(", ")}): mark ${others.length > 1 ? "them" : "it"} \`@pytest.mark.trio\` before turning trio mode off, or move the anyio tests to a directory without it.` : "Turn trio mode off; mark tests meant for pytest-trio with `@pytest.mark.trio`."),
    involves: tests.map((t) => t.file.path),
    ...fixable ? { fix: { title: "Turn off pytest-trio\u2019s trio mode", edits, applicability: "safe" } } : {}
  });
}
function otherAsyncTests(ctx, tests, anyioTests) {
  return tests.filter((t) => t.func.isAsync && !anyioTests.includes(t) && !ctx.anyio.hasBackend(t) && !ctx.suite.closestMark(t, "trio") && !ctx.anyio.takenOver(t));
}
function range2(a, b) {
  return Array.from({ length: b - a + 1 }, (_, i2) => a + i2);
}

// src/rules/anyio/AN305.ts
var AN305 = {
  meta: {
    code: "AN305",
    name: "unmarked-async-test",
    severity: "error",
    plugin: "anyio",
    summary: "An `async def` test in an anyio suite has no `anyio` mark, so no plugin runs it.",
    fixable: true,
    docs: {
      what: "Flags an `async def` test that no async plugin runs, in a suite that uses anyio: it has no `anyio` mark on the function, its class or its module, does not request `anyio_backend`, and neither `anyio_mode = auto`, pytest-asyncio nor pytest-trio takes it. A `pytestmark = pytest.mark.anyio` in conftest.py does not count: pytest ignores `pytestmark` there.",
      why: "pytest cannot run a coroutine function by itself. Since pytest 8.4 the test FAILS with `async def functions are not natively supported.` and a list of plugins to install; older pytest SKIPS it with `PytestUnhandledCoroutineWarning`, which is silent coverage loss.",
      versions: "Every anyio version; pytest \u2265 8.4 fails the test, older pytest skips it. Before anyio 4.13 an `anyio` mark added in `pytest_collection_modifyitems` is ignored too (anyio #422).",
      bad: `@pytest.mark.anyio
async def test_success_keeps_circuit_closed():
    ...


async def test_half_open_probe_closes_circuit():
    ...`,
      good: `@pytest.mark.anyio
async def test_success_keeps_circuit_closed():
    ...


@pytest.mark.anyio
async def test_half_open_probe_closes_circuit():
    ...`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html#creating-asynchronous-tests"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    if (!anyio.enabled || !anyio.pluginInUse()) return;
    const pa = ctx.project.asyncio;
    if (!pa.disabled && pa.mode === "auto" && anyio.pytestAsyncioActive) return;
    const paStrict = !pa.disabled && ctx.project.usesPytestAsyncio(ctx.suite);
    const pytest = ctx.project.versions.pytest.candidates;
    const fails = !pytest.length || pytest.some((v) => cmpVersion(v, "8.4") >= 0);
    const skips = pytest.some((v) => cmpVersion(v, "8.4") < 0);
    const byModule = /* @__PURE__ */ new Map();
    const counts = /* @__PURE__ */ new Map();
    for (const test of ctx.targetTests()) {
      if (!unhandled(ctx, test)) continue;
      if (paStrict) {
        let c2 = counts.get(test.file);
        if (!c2) {
          const asyncTests = test.file.tests.filter((t) => t.func.isAsync);
          c2 = { backend: new Set(asyncTests.filter((t) => anyio.hasBackend(t))), asyncio: new Set(asyncTests.filter((t) => ctx.asyncio.isAsyncioTest(t))) };
          counts.set(test.file, c2);
        }
        const others = (set) => set.size - (set.has(test) ? 1 : 0);
        if (!others(c2.backend) || others(c2.asyncio)) continue;
      }
      const list = byModule.get(test.file);
      if (list) list.push(test);
      else byModule.set(test.file, [test]);
    }
    for (const [file, tests] of byModule) {
      const marksOneByOne = file.tests.some((t) => t.func.isAsync && anyio.anyioMark(t)?.level !== void 0 && anyio.anyioMark(t)?.level !== "module");
      const moduleMark = !marksOneByOne && !file.pytestmark;
      const conftestMark = conftestPytestmark(ctx, file);
      const hookMark = anyio.hookMark(tests[0]);
      for (const test of tests) {
        let edits = null;
        if (file.exactText) {
          if (moduleMark) edits = addPytestmarkEdits(file, "anyio");
          else {
            const { prefix, importEdit: importEdit2 } = markPrefix(file);
            edits = [insertDecorator(file, test.func, `${prefix}.anyio`)];
            if (importEdit2) edits.push(importEdit2);
          }
        }
        const outcome = fails ? `pytest ${skips ? "8.4 and newer fails" : "fails"} it: \`${unhandledAsyncTest(true)}\`${skips ? ` (older pytest skips it: \`${unhandledAsyncTest(false)}\`)` : ""}` : `pytest skips it: \`${unhandledAsyncTest(false)}\``;
        const why = conftestMark ? ` The \`pytestmark = pytest.mark.anyio\` in ${conftestMark} does not apply: pytest ignores \`pytestmark\` in conftest.py.` : hookMark && anyio.versionsFrom("4.13").length === 0 ? ` The \`anyio\` mark added in \`${hookMark.hook}\` is ignored before anyio 4.13 (here anyio ${describeSet(anyio.versions, "anyio")}).` : "";
        ctx.report({
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message: `\`${test.name}\` is an \`async def\` test with no \`anyio\` mark on it, its class or its module, and no other async plugin runs it.${why} ${outcome}; its body never runs. ` + (moduleMark ? "Mark the module: `pytestmark = pytest.mark.anyio` (or set `anyio_mode = auto`, anyio \u2265 4.11)." : "Mark it `@pytest.mark.anyio`."),
          ...edits ? { fix: { title: moduleMark ? `Add \`pytestmark = pytest.mark.anyio\` to ${file.path}` : `Mark \`${test.name}\` with \`@pytest.mark.anyio\``, edits, applicability: "safe" } } : {}
        });
      }
    }
  }
};
function unhandled(ctx, test) {
  if (!test.func.isAsync) return false;
  if (test.func.decorators.some((d) => d.qual === "hypothesis.given")) return false;
  if (ctx.anyio.hasBackend(test)) return false;
  if (ctx.anyio.pytestAsyncioActive && ctx.asyncio.isAsyncioTest(test)) return false;
  if (ctx.anyio.trioMode(test)) return false;
  if (!ctx.project.settings.trioDisabled.value && ctx.suite.closestMark(test, "trio") && ctx.anyio.pytestTrioInstalled) return false;
  return true;
}
function conftestPytestmark(ctx, file) {
  for (const f of ctx.suite.files.values()) {
    if (f.kind !== "conftest" || !f.moduleMarks.some((m) => m.name === "anyio")) continue;
    const dir = f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/") + 1) : "";
    if (file.path.startsWith(dir)) return f.path;
  }
  return null;
}

// src/rules/anyio/AN306.ts
var AN306 = {
  meta: {
    code: "AN306",
    name: "async-fixture-in-sync-test",
    severity: "error",
    plugin: "anyio",
    summary: "A sync test uses an async fixture but has no `anyio_backend`, so no plugin runs the fixture.",
    fixable: true,
    docs: {
      what: "Flags a plain `def` test that requests an async fixture (directly, through other fixtures, or an autouse one) declared with `@pytest.fixture`, while nothing puts `anyio_backend` in its closure, in a suite that uses anyio. An `anyio` mark on a sync test does not help: anyio only applies it to coroutine functions.",
      why: "anyio runs an async fixture only for a test whose closure contains `anyio_backend`. Otherwise pytest calls the fixture function itself: before pytest 8.4 the test silently receives a coroutine (or async generator) object (`RuntimeWarning: coroutine \u2026 was never awaited`); pytest 8.4 warns `PytestRemovedIn9Warning: 'test_x' requested an async fixture 'settings', with no plugin or hook that handled it. \u2026`; pytest 9 makes it a setup error.",
      versions: "Every anyio version; pytest < 8.4 passes a coroutine object silently, 8.4 warns, 9 errors.",
      bad: `@pytest.fixture
async def settings(tmp_path):
    return await load_settings(tmp_path / "settings.json")


def test_beta_search_flag_is_on(settings):
    assert settings.flag("beta-search")`,
      good: `def test_beta_search_flag_is_on(settings, anyio_backend):
    assert settings.flag("beta-search")`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://github.com/agronholm/anyio/issues/803"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    if (!anyio.enabled || !anyio.pluginInUse()) return;
    const pytest = ctx.project.versions.pytest.candidates;
    const v9 = !pytest.length || pytest.some((v) => cmpVersion(v, "9") >= 0);
    const v84 = pytest.some((v) => cmpVersion(v, "8.4") >= 0 && cmpVersion(v, "9") < 0);
    const old = pytest.some((v) => cmpVersion(v, "8.4") < 0);
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync || anyio.hasBackend(test)) continue;
      const asyncFx = ctx.suite.closure(test).filter((e) => anyio.runsFixture(e.def));
      if (!asyncFx.length) continue;
      const first = asyncFx[0];
      const autouse = first.via.length === 0 && first.def.autouse && !test.func.argnames.includes(first.name);
      const marked = anyio.anyioMark(test);
      const outcomes = [];
      if (v9) outcomes.push("pytest 9 errors at setup");
      if (v84) outcomes.push(`pytest 8.4 warns \`${unhandledAsyncFixture(test.name, first.name, autouse)}\``);
      if (old) outcomes.push("older pytest silently passes the un-awaited coroutine object");
      const edit = test.file.exactText ? addParamEdit(test.file, test.func, "anyio_backend") : null;
      const chain = first.via.length ? ` through ${first.via.map((v) => `\`${v}\``).join(" \u2192 ")}` : autouse ? " (autouse)" : "";
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message: `Sync test \`${test.name}\` uses the async fixture \`${first.name}\`${chain} (${where(first.def)})${asyncFx.length > 1 ? ` and ${asyncFx.length - 1} more` : ""}, but has no \`anyio_backend\` in its closure, so anyio does not run ${asyncFx.length > 1 ? "them" : "it"}` + (marked ? " (its `anyio` mark does nothing on a sync test)" : "") + `: ${outcomes.join("; ")}. Add \`anyio_backend\` to the test's parameters so anyio runs the fixture${autouse ? " (or add it to the autouse fixture\u2019s signature)" : ""}, or make the test \`async\` and anyio-marked.`,
        involves: asyncFx.map((e) => e.def.file.path),
        ...edit ? { fix: { title: `Request \`anyio_backend\` in \`${test.name}\``, edits: [edit], applicability: "safe" } } : {}
      });
    }
  }
};

// src/rules/anyio/AN501.ts
var AN501 = {
  meta: {
    code: "AN501",
    name: "param-named-func",
    severity: "error",
    plugin: "anyio",
    summary: "A test or async fixture anyio runs has an argument named `func`, which anyio before 4.13 cannot pass.",
    fixable: true,
    docs: {
      what: 'Flags an anyio test, or an async fixture anyio runs, with an argument named `func` (often from `@pytest.mark.parametrize("func", ...)`), when the project allows anyio older than 4.13.',
      why: "anyio\u2019s runner calls `_call_in_runner_task(func, **kwargs)` with the test\u2019s arguments as keywords, so a `func` argument collides: `TypeError: TestRunner._call_in_runner_task() got multiple values for argument 'func'` (anyio 4.0\u20134.12; 3.x: `TestRunner._call()`, on the trio backend). anyio 4.13 fixed it (#1068).",
      versions: "anyio 3.x\u20134.12.",
      bad: `@pytest.mark.anyio
@pytest.mark.parametrize("func", [str.upper, str.lower])
async def test_transform(func):
    assert await apply(func, "Ab")`,
      good: `@pytest.mark.anyio
@pytest.mark.parametrize("fn", [str.upper, str.lower])
async def test_transform(fn):
    assert await apply(fn, "Ab")`,
      references: ["https://github.com/agronholm/anyio/pull/1068"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    const bad = anyio.versionsBelow("4.13");
    if (!anyio.enabled || !bad.length) return;
    const v3 = bad.some((v) => v.startsWith("3."));
    const v4 = bad.some((v) => !v.startsWith("3."));
    const err2 = [v4 ? `\`${anyioFuncArgument(false)}\`` : "", v3 ? `\`${anyioFuncArgument(true)}\` (3.x, trio backend)` : ""].filter(Boolean).join("; ");
    const severity = bad.includes(anyio.newest) ? "error" : "warning";
    const fixtures = /* @__PURE__ */ new Set();
    for (const test of ctx.targetTests()) {
      if (!anyio.isAnyioTest(test)) continue;
      if (test.func.argnames.includes("func")) {
        const fix = renameFix(test);
        ctx.report({
          severity,
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message: `\`${test.name}\` takes an argument named \`func\`, and anyio ${describeSet(bad, "anyio")} passes the test function to its runner as \`func\` too: the test fails with ${err2}. Rename the argument${fix ? ` (to \`${fix.name}\`)` : ""}, or require anyio \u2265 4.13.`,
          ...fix ? { fix: { title: `Rename \`func\` to \`${fix.name}\` in \`${test.name}\``, edits: fix.edits, applicability: "safe" } } : {}
        });
      }
      for (const e of anyio.anyioFixtures(test)) {
        const fx = e.def;
        const key2 = fixtureSymbol(fx);
        if (!fx.func.argnames.includes("func") || fixtures.has(key2)) continue;
        fixtures.add(key2);
        ctx.report({
          severity,
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: key2,
          message: `Async fixture \`${fx.name}\` takes an argument named \`func\`, and anyio ${describeSet(bad, "anyio")} passes the fixture function to its runner as \`func\` too: setting it up fails with ${err2}. Rename the fixture it requests, or require anyio \u2265 4.13.`
        });
      }
    }
  }
};
function renameFix(test) {
  const file = test.file;
  if (!file.exactText) return null;
  const fn = test.func;
  const mark = fn.marks.find((m) => m.name === "parametrize" && m.origin === "decorator" && parametrizeArgnames(m).includes("func"));
  if (!mark) return null;
  const names = mark.args[0] ?? mark.kwargs.get("argnames");
  if (!names) return null;
  const body2 = codeOnly(file.text.slice(fn.defSpan.end, fn.whole.end));
  const name2 = ["fn", "function", "func_"].find((n) => !new RegExp(`(?<![\\w.])${n}(?!\\w)`).test(body2) && !fn.argnames.includes(n));
  const edits = [];
  const lits = names.kind === "str" ? [names] : (names.items ?? []).filter((i2) => i2.kind === "str");
  for (const lit of lits) {
    const re = /(?<![\w.])func(?!\w)/g;
    let m;
    while (m = re.exec(lit.text)) edits.push({ path: file.path, start: lit.span.start + m.index, end: lit.span.start + m.index + 4, text: name2 });
  }
  const p = fn.params.find((x) => x.name === "func");
  if (!p) return null;
  edits.push({ path: file.path, start: p.span.start, end: p.span.start + 4, text: name2 });
  edits.push(...renameInBody(file.path, file.text, fn, "func", name2));
  return { name: name2, edits };
}
function renameInBody(path6, text, fn, from, to) {
  const start2 = fn.defSpan.end;
  const body2 = codeOnly(text.slice(start2, fn.whole.end));
  const out2 = [];
  const re = new RegExp(`(?<![\\w.])${from}(?!\\w)`, "g");
  let m;
  while (m = re.exec(body2)) {
    const before = body2.slice(0, m.index).replace(/\s+$/, "");
    const after = body2.slice(m.index + from.length);
    if (/^\s*=(?!=)/.test(after) && /[(,]$/.test(before)) continue;
    out2.push({ path: path6, start: start2 + m.index, end: start2 + m.index + from.length, text: to });
  }
  return out2;
}

// src/rules/anyio/AN502.ts
var BAD = { "4.5.1": "4.5.2", "4.6.1": "4.6.2" };
var AN502 = {
  meta: {
    code: "AN502",
    name: "parametrized-async-fixture-bad-version",
    severity: "error",
    plugin: "anyio",
    summary: "An async fixture that uses `request` runs on anyio 4.5.1 or 4.6.1, which pass it the backend instead.",
    fixable: true,
    docs: {
      what: "Flags an async fixture anyio runs that takes `request` (typically `params=[...]` with `request.param`) when the project installs anyio 4.5.1 or 4.6.1 (the pin, or the newest release a range allows).",
      why: "The fixture-setup hookwrapper introduced in anyio 4.5.1 / 4.6.1 passed the `anyio_backend` value where `request` belongs, so `request.param` fails at setup: `AttributeError: 'str' object has no attribute 'param'`. anyio 4.5.2 and 4.6.2 fixed it.",
      versions: "anyio 4.5.1 and 4.6.1 only.",
      bad: `# requirements-dev.txt: anyio==4.6.1
@pytest.fixture(params=[1, 4])
async def pool(request):
    return await make_pool(size=request.param)`,
      good: `# requirements-dev.txt: anyio==4.6.2
@pytest.fixture(params=[1, 4])
async def pool(request):
    return await make_pool(size=request.param)`,
      references: ["https://anyio.readthedocs.io/en/stable/versionhistory.html"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    const info2 = ctx.project.versions.anyio;
    if (!anyio.enabled || info2.assumed) return;
    const installed = anyio.newest;
    if (!BAD[installed] && !info2.candidates.every((v) => BAD[v])) return;
    const seen = /* @__PURE__ */ new Map();
    for (const t of ctx.targetTests()) {
      for (const e of anyio.anyioFixtures(t)) if (e.def.func.params.some((p) => p.name === "request")) pushTo(seen, e.def, t);
    }
    if (!seen.size) return;
    const edit = pinEdit(ctx);
    for (const [fx, tests] of seen) {
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `Async fixture \`${fx.name}\` takes \`request\`, and ${describeRange(info2)} passes the \`anyio_backend\` value in its place, so ${tests.length > 1 ? `the ${tests.length} tests using it error` : `\`${tests[0].name}\` errors`} at setup: \`${ANYIO_REQUEST_IS_BACKEND}\` (for \`request.param\`). Avoid anyio 4.5.1 and 4.6.1: ${edit ? `pin \`${edit.to}\`` : "require anyio \u2265 4.5.2 (or \u2265 4.6.2)"}.`,
        related: info2.source ? [{ path: info2.source.path, line: info2.source.line, endLine: info2.source.line, message: `anyio is pinned to ${installed} here` }] : [],
        involves: info2.source ? [info2.source.path] : [],
        ...edit ? { fix: { title: `Pin anyio ${edit.to.replace(/^anyio[^=]*==/, "")}`, edits: [edit.edit], applicability: "safe" } } : {}
      });
    }
  }
};
function pinEdit(ctx) {
  const info2 = ctx.project.versions.anyio;
  const src = info2.source;
  if (!src || info2.locked || info2.overridden) return null;
  const req = info2.requirements.find((r) => r.source.path === src.path && r.source.line === src.line);
  const m = req && /^==\s*(4\.[56]\.1)$/.exec(req.specifier.trim());
  if (!m) return null;
  const text = ctx.project.readText(src.path);
  if (text === null) return null;
  const lines = text.split("\n");
  const lineStart2 = lines.slice(0, src.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[src.line - 1] ?? "";
  const at = line.search(new RegExp(`==\\s*${m[1].replace(/\./g, "\\.")}(?![\\d.])`));
  if (at < 0) return null;
  const from = m[1];
  const vAt = line.indexOf(from, at);
  const to = BAD[from];
  return { edit: { path: src.path, start: lineStart2 + vAt, end: lineStart2 + vAt + from.length, text: to }, to: `anyio==${to}` };
}

// src/rules/anyio/AN503.ts
var AN503 = {
  meta: {
    code: "AN503",
    name: "trio-missing-default-backends",
    severity: "warning",
    plugin: "anyio",
    summary: "Tests use anyio\u2019s default backends but trio is not installed: the `[trio]` tests fail (anyio < 4.12) or silently vanish.",
    fixable: true,
    docs: {
      what: "Flags the anyio requirement when tests run on anyio\u2019s built-in `anyio_backend` (no override) and nothing installs trio: no `trio` pin, no `anyio[trio]` extra, no pytest-trio.",
      why: "anyio before 4.12 always parametrizes the default backend with asyncio and trio, so every `[trio]` item fails with `ModuleNotFoundError: No module named 'trio'` (an error). From 4.12 the plugin only uses backends that import, so the `[trio]` items silently disappear (a warning): a library that promises trio support is then never tested on it.",
      versions: "anyio < 4.12: error; anyio \u2265 4.12: warning.",
      bad: `# requirements-dev.txt
pytest==8.4.2
anyio==4.14.2`,
      good: `# requirements-dev.txt
pytest==8.4.2
anyio[trio]==4.14.2`,
      references: ["https://github.com/agronholm/anyio/pull/1021", "https://github.com/agronholm/anyio/issues/325"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    const v = ctx.project.versions;
    if (!anyio.enabled || !v.anyio.declared || v.trio.declared) return;
    const tests = ctx.targetTests().filter((t) => anyio.hasBackend(t) && anyio.backend(t)?.source === "plugin");
    if (!tests.length) return;
    const req = anchorRequirement(v.anyio.requirements, v.anyio.source);
    if (!req) return;
    const { failing, dropped } = anyio.trioMissingVersions();
    const severity = failing.includes(anyio.newest) ? "error" : "warning";
    const edit = extraEdit(ctx, req);
    const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(", ") + (tests.length > 2 ? ` and ${tests.length - 2} more` : "");
    const parts2 = [];
    if (failing.length) parts2.push(`on anyio ${describeSet(failing, "anyio")} every \`[trio]\` item fails with \`${NO_MODULE_TRIO}\``);
    if (dropped.length) parts2.push(`on anyio ${describeSet(dropped, "anyio")} the plugin silently drops the \`[trio]\` items, so the suite never runs on trio`);
    ctx.report({
      severity,
      path: req.source.path,
      span: { line: req.source.line, endLine: req.source.line, col: 1 },
      symbol: `requirement:${req.source.path}::anyio`,
      message: `${names} run${tests.length === 1 ? "s" : ""} on anyio's default \`anyio_backend\` (asyncio and trio), but nothing installs trio: ${parts2.join("; ")}. Install it with the anyio extra (\`anyio[trio]\`), or override \`anyio_backend\` to list the backends the suite really supports.`,
      involves: tests.map((t) => t.file.path),
      ...edit ? { fix: { title: "Install trio with `anyio[trio]`", edits: [edit], applicability: "safe" } } : {}
    });
  }
};
function anchorRequirement(reqs, source) {
  const direct = reqs.filter((r) => !r.constraintOnly && r.kind !== "implied" && r.kind !== "lock" && r.kind !== "override");
  return direct.find((r) => source && r.source.path === source.path && r.source.line === source.line) ?? direct[0] ?? null;
}
function extraEdit(ctx, req) {
  if (req.kind === "poetry" || req.kind === "Pipfile") return null;
  const text = ctx.project.readText(req.source.path);
  if (text === null) return null;
  const starts = [0];
  for (let i2 = 0; i2 < text.length; i2++) if (text[i2] === "\n") starts.push(i2 + 1);
  const lineStart2 = starts[req.source.line - 1];
  if (lineStart2 === void 0) return null;
  const lineEnd = text.indexOf("\n", lineStart2);
  const line = text.slice(lineStart2, lineEnd < 0 ? text.length : lineEnd);
  const m = /(^|[\s"',[])(anyio)(\[[^\]]*\])?(?=\s*(?:[<>=!~;@"',\]]|$))/i.exec(line);
  if (!m) return null;
  const nameEnd = lineStart2 + m.index + m[1].length + m[2].length;
  if (m[3]) {
    const close = nameEnd + m[3].length - 1;
    return { path: req.source.path, start: close, end: close, text: ",trio" };
  }
  return { path: req.source.path, start: nameEnd, end: nameEnd, text: "[trio]" };
}

// src/rules/anyio/AN504.ts
var ASYNCIO_OPTIONS_4 = ["debug", "use_uvloop", "loop_factory"];
var ASYNCIO_OPTIONS_3 = ["debug", "use_uvloop", "policy"];
var TRIO_OPTIONS = ["clock", "instruments", "restrict_keyboard_interrupt_to_checkpoints", "strict_exception_groups", "host_uses_signal_set_wakeup_fd", "run_sync_soon_not_threadsafe"];
var AN504 = {
  meta: {
    code: "AN504",
    name: "bad-backend-spec",
    severity: "error",
    plugin: "anyio",
    summary: "`anyio_backend` yields a value anyio rejects: not a string or a `(name, options)` tuple, an unknown backend, or an unknown option.",
    fixable: true,
    docs: {
      what: 'Checks the literal values an `anyio_backend` fixture returns (or its `params`), and the values of a `parametrize("anyio_backend", ...)`: each must be a backend name (`"asyncio"` or `"trio"`) or a tuple `(name, options_dict)` whose options the backend accepts (asyncio on anyio 4: `debug`, `use_uvloop`, `loop_factory`; on anyio 3 `policy` instead of `loop_factory`; trio: `trio.lowlevel.start_guest_run` keywords such as `clock` or `instruments`).',
      why: "anyio checks the value only when a test asks for the runner, so every anyio test fails: a list or any other shape gives `TypeError: anyio_backend must be either a string or tuple of (string, dict)`; an unknown name gives `ModuleNotFoundError: No module named 'anyio._backends._curio'`; an unknown option gives `TypeError: TestRunner.__init__() got an unexpected keyword argument 'bogus'`.",
      versions: "Every anyio version; the asyncio option `policy` only before anyio 4.0, `loop_factory` only from 4.0.",
      bad: `@pytest.fixture
def anyio_backend():
    return ["asyncio", {"debug": True}]`,
      good: `@pytest.fixture
def anyio_backend():
    return ("asyncio", {"debug": True})`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html#specifying-the-backends-to-run-on"]
    }
  },
  check(ctx) {
    if (!ctx.anyio.enabled) return;
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.name !== "anyio_backend") continue;
      const choice = ctx.anyio.backendOf(fx);
      const problems = choice.specs.map((s) => problemOf(ctx, s)).filter((p) => !!p);
      if (!problems.length) continue;
      report3(ctx, { fx }, problems);
    }
    const seenMarks = /* @__PURE__ */ new Set();
    for (const test of ctx.targetTests()) {
      const hit = ctx.anyio.parametrizeHit(test);
      if (!hit || seenMarks.has(hit.mark)) continue;
      seenMarks.add(hit.mark);
      const choice = ctx.anyio.backend(test);
      if (!choice || choice.source !== "parametrize") continue;
      const problems = choice.specs.map((s) => problemOf(ctx, s)).filter((p) => !!p);
      if (problems.length) report3(ctx, { test, markLevel: hit.level, markSpan: hit.mark.span }, problems);
    }
  }
};
function report3(ctx, where2, problems) {
  const fx = where2.fx;
  const test = where2.test;
  const file = (fx ?? test).file;
  let span;
  if (fx) {
    const returns = problems.filter((p) => p.spec.origin === "return");
    const endLine = Math.max(fx.func.anchor.endLine, ...returns.map((p) => lineOf(file.lineStarts, p.spec.node.end - 1)));
    span = { line: fx.func.anchor.line, endLine, col: fx.func.anchor.col };
  } else if (where2.markLevel === "function") span = test.func.anchor;
  else span = where2.markSpan;
  const fixable = problems.every((p) => p.edits) && file.exactText;
  const edits = fixable ? problems.flatMap((p) => p.edits) : [];
  const subject = fx ? "`anyio_backend`" : `The \`anyio_backend\` parametrize of \`${test.name}\``;
  ctx.report({
    path: file.path,
    span,
    symbol: fx ? fixtureSymbol(fx) : `${testSymbol(test)}::parametrize(anyio_backend)`,
    message: `${subject} yields ${problems.map((p) => p.text).join("; ")}. anyio checks it when a test asks for its runner, so every anyio test using it fails.`,
    ...fixable && edits.length ? { fix: { title: "Use a valid `anyio_backend` value", edits, applicability: "safe" } } : {}
  });
}
function problemOf(ctx, spec) {
  const file = spec.file;
  const node = spec.node;
  const shown2 = `\`${node.text.length > 60 ? node.text.slice(0, 57) + "\u2026" : node.text}\``;
  if (spec.shape === "list") {
    const items = node.items ?? [];
    let edits = null;
    if (items.length === 2 && items[0]?.kind === "str") {
      edits = [
        { path: file.path, start: node.start, end: node.start + 1, text: "(" },
        { path: file.path, start: node.end - 1, end: node.end, text: ")" }
      ];
    } else if (items.length === 1 && items[0]?.kind === "str") {
      edits = [{ path: file.path, start: node.start, end: node.end, text: items[0].text }];
    }
    return { spec, text: `${shown2}, a list where anyio wants a string or a \`(name, options)\` tuple: \`${ANYIO_BAD_BACKEND_SPEC}\`${edits ? "; use a tuple" : ""}`, edits };
  }
  if (spec.shape === "bad") return { spec, text: `${shown2}, which is neither a backend name nor a \`(name, options)\` tuple: \`${ANYIO_BAD_BACKEND_SPEC}\``, edits: null };
  if (spec.shape === "dynamic" || spec.name === null) return null;
  if (!KNOWN_BACKENDS.includes(spec.name)) {
    const close = KNOWN_BACKENDS.find((b) => b === spec.name.trim().toLowerCase());
    const nameNode = spec.shape === "str" ? node : node.items?.[0];
    const edits = close && nameNode ? [{ path: file.path, start: nameNode.start, end: nameNode.end, text: pyString(close, preferredQuote2(file)) }] : null;
    return { spec, text: `the backend \`${spec.name}\`, which anyio does not ship (only \`asyncio\` and \`trio\`): \`${anyioUnknownBackend(spec.name)}\``, edits };
  }
  const opts = spec.options;
  if (spec.shape !== "tuple" || !opts || opts.kind !== "dict") return null;
  const keys = (opts.entries ?? []).map((e) => e.key).filter((k) => k.kind === "str" && k.str !== void 0);
  const anyio = ctx.anyio;
  const bad = [];
  for (const k of keys) {
    if (spec.name === "trio") {
      if (!TRIO_OPTIONS.includes(k.str)) bad.push({ key: k.str, versions: anyio.versions });
      continue;
    }
    const v4 = anyio.versionsFrom("4.0.0").filter(() => !ASYNCIO_OPTIONS_4.includes(k.str));
    const v3 = anyio.versionsBelow("4.0.0").filter(() => !ASYNCIO_OPTIONS_3.includes(k.str));
    if (v4.length || v3.length) bad.push({ key: k.str, versions: [...v3, ...v4] });
  }
  if (!bad.length) return null;
  const all = bad.every((b) => b.versions.length === anyio.versions.length);
  const hint = bad.some((b) => b.key === "policy") ? " (`policy` became `loop_factory` in anyio 4.0: pass a callable that returns a new event loop)" : "";
  return {
    spec,
    text: `${spec.name} option${bad.length > 1 ? "s" : ""} ${bad.map((b) => `\`${b.key}\``).join(", ")} that its test runner does not take${all ? "" : ` on anyio ${describeSet([...new Set(bad.flatMap((b) => b.versions))], "anyio")}`}: \`${anyioUnknownOption(spec.name, bad[0].key)}\`${hint}`,
    edits: null
  };
}

// src/rules/anyio/AN505.ts
var AN505 = {
  meta: {
    code: "AN505",
    name: "programmatic-mark-with-override",
    severity: "warning",
    plugin: "anyio",
    summary: "An `anyio` mark added in a collection hook ignores the project\u2019s `anyio_backend` override: tests run twice, both times on the override\u2019s backend.",
    fixable: false,
    docs: {
      what: "Flags `item.add_marker(pytest.mark.anyio)` in `pytest_collection_modifyitems` (or `pytest_itemcollected`) in a project that overrides `anyio_backend` for the tests it marks, on anyio 4.13 or newer.",
      why: "anyio only honours marks added after collection from 4.13, through `pytest_collection_finish`: it clones each such test into one item per available backend (`[asyncio]`, `[trio]`) without consulting the `anyio_backend` override, and every clone then runs on the override\u2019s backend. The test IDs claim trio coverage that does not exist and the suite runs twice as long. Marking at collection time (`pytestmark`, a class or function mark, or `anyio_mode = auto`) lets pytest parametrize by the override.",
      versions: "anyio 4.13 onwards (before 4.13 the hook mark is ignored entirely, see AN305).",
      bad: `# conftest.py
@pytest.fixture
def anyio_backend():
    return "asyncio"


def pytest_collection_modifyitems(items):
    for item in items:
        if "integration" in item.nodeid:
            item.add_marker(pytest.mark.anyio)`,
      good: `# tests/integration/conftest.py is not needed: mark the modules
# tests/integration/test_api.py
pytestmark = pytest.mark.anyio`,
      references: ["https://github.com/agronholm/anyio/issues/422"]
    }
  },
  check(ctx) {
    const anyio = ctx.anyio;
    const from = anyio.versionsFrom("4.13");
    if (!anyio.enabled || !from.length) return;
    const hooks = ctx.suite.hookMarks().filter((h) => h.mark.name === "anyio");
    if (!hooks.length) return;
    const affected = [];
    for (const t of ctx.suite.tests()) {
      if (!t.func.isAsync || anyio.anyioMark(t) || anyio.autoMode || anyio.requestsBackend(t)) continue;
      const def = ctx.suite.resolve("anyio_backend", t);
      if (def && !def.builtin) affected.push({ test: t, override: def });
    }
    if (!affected.length) return;
    const override = affected[0].override;
    const choice = anyio.backendOf(override);
    const available = anyio.pluginDefault().backends;
    for (const h of hooks) {
      const file = [...ctx.suite.files.values()].find((f) => f.hookMarks.includes(h));
      if (!file || !ctx.targets.has(file.path)) continue;
      const names = affected.slice(0, 2).map((a) => `\`${a.test.name}\``).join(", ") + (affected.length > 2 ? ` and ${affected.length - 2} more` : "");
      ctx.report({
        path: file.path,
        span: h.call.span,
        symbol: `hook:${file.path}::${h.hook}::add_marker(anyio)`,
        message: `This \`${h.hook}\` adds the \`anyio\` mark after collection. On anyio ${describeSet(from, "anyio")} the plugin then clones each such test (${names}) into ${available.map((b) => `\`[${b}]\``).join(" and ")} items itself, ignoring the \`anyio_backend\` override (${override.file.path}:${override.func.anchor.line}), and every clone runs on the override's ${backendsText(choice.backends)}: misleading test IDs and ${available.length > 1 ? "twice the run time" : "no effect of the override on the IDs"}. Mark the tests at collection time instead (\`pytestmark = pytest.mark.anyio\` in their modules, a class or function mark, or \`anyio_mode = auto\`), so pytest parametrizes them by the override.`,
        related: [{ path: override.file.path, line: override.func.anchor.line, endLine: override.func.anchor.endLine, message: "the `anyio_backend` override the post-collection items ignore" }],
        involves: affected.map((a) => a.test.file.path)
      });
    }
  }
};

// src/rules/groups/an-scope.ts
var AN_SCOPE_RULES = [AN101, AN102, AN103, AN104, AN105, AN301, AN302, AN303, AN304, AN305, AN306, AN501, AN502, AN503, AN504, AN505];

// src/rules/anyio/portability.ts
var NO_RUNNING_LOOP2 = "RuntimeError: no running event loop";
var NO_CURRENT_LOOP = "RuntimeError: There is no current event loop in thread 'MainThread'.";
var CREATE_FUTURE = "AttributeError: 'NoneType' object has no attribute 'create_future'";
var TRIO_UNRECOGNIZED = "TypeError: trio.run received unrecognized yield message None. Are you trying to use a library written for some other framework like asyncio? That won't work without some kind of compatibility shim.";
var NOT_ASYNC_CONTEXT = "RuntimeError: must be called from async context";
var BAD_YIELD = "RuntimeError: Task got bad yield: <class 'trio._core._traps.CancelShieldedCheckpoint'>";
var NO_RUNNER = "AttributeError: 'RunContext' object has no attribute 'runner'";
var ASYNCIO_APIS = [
  { api: "asyncio.sleep", need: "await", anyio: "anyio.sleep", rewrite: "callee", args: "positional", hint: "`anyio.sleep`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.wait_for", need: "await", anyio: "anyio.fail_after", rewrite: "wait_for", hint: "`with anyio.fail_after(timeout):` around the awaited call", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.timeout", need: "with", anyio: "anyio.fail_after", rewrite: "timeout", args: "positional", hint: "`with anyio.fail_after(...)` (or `anyio.move_on_after`)", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.timeout_at", need: "with", hint: "`with anyio.fail_at(deadline)` with a deadline from `anyio.current_time()`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.to_thread", need: "await", anyio: "anyio.to_thread.run_sync", rewrite: "callee", args: "positional", hint: "`anyio.to_thread.run_sync`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.create_task", need: "call", hint: "a task group: `async with anyio.create_task_group() as tg: tg.start_soon(...)`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.ensure_future", need: "call", hint: "a task group: `async with anyio.create_task_group() as tg: tg.start_soon(...)`", error: NO_CURRENT_LOOP },
  { api: "asyncio.gather", need: "call", hint: "a task group that collects the results (`tg.start_soon` per coroutine)", error: NO_CURRENT_LOOP },
  { api: "asyncio.wait", need: "await", hint: "a task group", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.as_completed", need: "call", hint: "a task group feeding a memory object stream", error: NO_CURRENT_LOOP },
  { api: "asyncio.shield", need: "call", hint: "`with anyio.CancelScope(shield=True):`", error: NO_CURRENT_LOOP },
  { api: "asyncio.get_running_loop", need: "call", hint: "anyio has no loop object: `anyio.to_thread.run_sync` instead of `run_in_executor`, a task group instead of `call_soon`/`call_later`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.get_event_loop", need: "call", hint: "anyio has no loop object: `anyio.to_thread.run_sync` instead of `run_in_executor`, a task group instead of `call_soon`/`call_later`", error: NO_CURRENT_LOOP },
  { api: "asyncio.current_task", need: "call", hint: "`anyio.get_current_task()`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.all_tasks", need: "call", hint: "`anyio.get_running_tasks()`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.Future", need: "call", hint: "`anyio.Event` or a memory object stream", error: NO_CURRENT_LOOP },
  { api: "asyncio.TaskGroup", need: "with", hint: "`anyio.create_task_group()` (`tg.start_soon` instead of `tg.create_task`)", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.open_connection", need: "await", hint: "`anyio.connect_tcp`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.start_server", need: "await", hint: "`anyio.create_tcp_listener`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.create_subprocess_exec", need: "await", hint: "`anyio.open_process` / `anyio.run_process`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.create_subprocess_shell", need: "await", hint: "`anyio.open_process` / `anyio.run_process`", error: NO_RUNNING_LOOP2 },
  { api: "asyncio.Event", need: "use", anyio: "anyio.Event", rewrite: "callee", args: "none", blockingUse: { methods: ["wait"] }, hint: "`anyio.Event`", error: CREATE_FUTURE },
  { api: "asyncio.Condition", need: "use", anyio: "anyio.Condition", rewrite: "callee", args: "none", blockingUse: { methods: ["wait", "wait_for"] }, hint: "`anyio.Condition`", error: CREATE_FUTURE },
  { api: "asyncio.Queue", need: "use", blockingUse: { methods: ["get", "join"] }, hint: "`anyio.create_memory_object_stream[T](n)`", error: CREATE_FUTURE },
  { api: "asyncio.LifoQueue", need: "use", blockingUse: { methods: ["get", "join"] }, hint: "`anyio.create_memory_object_stream[T](n)`", error: CREATE_FUTURE },
  { api: "asyncio.PriorityQueue", need: "use", blockingUse: { methods: ["get", "join"] }, hint: "`anyio.create_memory_object_stream[T](n)`", error: CREATE_FUTURE },
  { api: "asyncio.Lock", need: "never", anyio: "anyio.Lock", rewrite: "callee", args: "none", hint: "`anyio.Lock`", error: CREATE_FUTURE },
  { api: "asyncio.Semaphore", need: "never", anyio: "anyio.Semaphore", rewrite: "callee", args: { positional: 1, kwargs: [] }, hint: "`anyio.Semaphore`", error: CREATE_FUTURE }
];
var TRIO_APIS = [
  { api: "trio.sleep", need: "await", anyio: "anyio.sleep", rewrite: "callee", args: "positional", hint: "`anyio.sleep`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.sleep_forever", need: "await", anyio: "anyio.sleep_forever", rewrite: "callee", args: "none", hint: "`anyio.sleep_forever`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.sleep_until", need: "await", anyio: "anyio.sleep_until", rewrite: "callee", args: "positional", hint: "`anyio.sleep_until`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.lowlevel.checkpoint", need: "await", anyio: "anyio.lowlevel.checkpoint", rewrite: "callee", args: "none", hint: "`anyio.lowlevel.checkpoint`", error: BAD_YIELD },
  { api: "trio.lowlevel.checkpoint_if_cancelled", need: "await", anyio: "anyio.lowlevel.checkpoint_if_cancelled", rewrite: "callee", args: "none", hint: "`anyio.lowlevel.checkpoint_if_cancelled`", error: BAD_YIELD },
  { api: "trio.lowlevel.cancel_shielded_checkpoint", need: "await", anyio: "anyio.lowlevel.cancel_shielded_checkpoint", rewrite: "callee", args: "none", hint: "`anyio.lowlevel.cancel_shielded_checkpoint`", error: BAD_YIELD },
  { api: "trio.open_nursery", need: "with", anyio: "anyio.create_task_group", rewrite: "callee", args: "none", hint: "`anyio.create_task_group()` (`start_soon` and `start` are the same calls)", error: NO_RUNNER },
  { api: "trio.move_on_after", need: "call", anyio: "anyio.move_on_after", rewrite: "callee", args: { positional: 1, kwargs: ["shield"] }, hint: "`anyio.move_on_after`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.fail_after", need: "call", anyio: "anyio.fail_after", rewrite: "callee", args: { positional: 1, kwargs: ["shield"] }, hint: "`anyio.fail_after`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.move_on_at", need: "call", anyio: "anyio.move_on_at", rewrite: "callee", args: { positional: 1, kwargs: ["shield"] }, hint: "`anyio.move_on_at`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.fail_at", need: "call", anyio: "anyio.fail_at", rewrite: "callee", args: { positional: 1, kwargs: ["shield"] }, hint: "`anyio.fail_at`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.CancelScope", need: "with", anyio: "anyio.CancelScope", rewrite: "callee", args: { positional: 0, kwargs: ["deadline", "shield"] }, hint: "`anyio.CancelScope`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.current_time", need: "call", anyio: "anyio.current_time", rewrite: "callee", args: "none", hint: "`anyio.current_time`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.current_effective_deadline", need: "call", anyio: "anyio.current_effective_deadline", rewrite: "callee", args: "none", hint: "`anyio.current_effective_deadline`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.to_thread.run_sync", need: "await", anyio: "anyio.to_thread.run_sync", rewrite: "callee", args: "positional", hint: "`anyio.to_thread.run_sync`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.open_memory_channel", need: "call", anyio: "anyio.create_memory_object_stream", rewrite: "callee", args: { positional: 1, kwargs: [] }, hint: "`anyio.create_memory_object_stream`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.Event", need: "use", anyio: "anyio.Event", rewrite: "callee", args: "none", blockingUse: { methods: ["wait"] }, hint: "`anyio.Event`", error: BAD_YIELD },
  { api: "trio.Lock", need: "use", anyio: "anyio.Lock", rewrite: "callee", args: "none", blockingUse: { methods: ["acquire"], asyncWith: true }, hint: "`anyio.Lock`", error: BAD_YIELD },
  { api: "trio.StrictFIFOLock", need: "use", anyio: "anyio.Lock", rewrite: "callee", args: "none", blockingUse: { methods: ["acquire"], asyncWith: true }, hint: "`anyio.Lock`", error: BAD_YIELD },
  { api: "trio.Semaphore", need: "use", anyio: "anyio.Semaphore", rewrite: "callee", args: { positional: 1, kwargs: ["max_value"] }, blockingUse: { methods: ["acquire"], asyncWith: true }, hint: "`anyio.Semaphore`", error: BAD_YIELD },
  { api: "trio.CapacityLimiter", need: "use", anyio: "anyio.CapacityLimiter", rewrite: "callee", args: { positional: 1, kwargs: [] }, blockingUse: { methods: ["acquire", "acquire_on_behalf_of"], asyncWith: true }, hint: "`anyio.CapacityLimiter`", error: BAD_YIELD },
  { api: "trio.Condition", need: "use", anyio: "anyio.Condition", rewrite: "callee", args: "none", blockingUse: { methods: ["wait", "acquire"], asyncWith: true }, hint: "`anyio.Condition`", error: BAD_YIELD },
  { api: "trio.lowlevel.current_trio_token", need: "call", hint: "no anyio equivalent (`anyio.from_thread` portals cover most uses)", error: NOT_ASYNC_CONTEXT },
  { api: "trio.lowlevel.current_task", need: "call", hint: "`anyio.get_current_task()`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.lowlevel.spawn_system_task", need: "call", hint: "no anyio equivalent", error: NOT_ASYNC_CONTEXT },
  { api: "trio.testing.wait_all_tasks_blocked", need: "await", hint: "`anyio.wait_all_tasks_blocked`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.open_tcp_stream", need: "await", hint: "`anyio.connect_tcp`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.serve_tcp", need: "await", hint: "`anyio.create_tcp_listener`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.open_process", need: "await", hint: "`anyio.open_process`", error: NOT_ASYNC_CONTEXT },
  { api: "trio.run_process", need: "await", hint: "`anyio.run_process`", error: NOT_ASYNC_CONTEXT }
];
var BY_API = new Map([...ASYNCIO_APIS, ...TRIO_APIS].map((a) => [a.api, a]));
function portableApi(qual) {
  return qual ? BY_API.get(qual) : void 0;
}
function libraryOf(api) {
  return api.api.startsWith("trio.") ? "trio" : "asyncio";
}
function errorFor(api, call) {
  const first = call.value.items?.[0];
  const zero = first && first.kind === "num" && /^0+(\.0*)?$/.test(first.text);
  if (api.api === "asyncio.sleep" && zero) return TRIO_UNRECOGNIZED;
  if (api.api === "trio.sleep" && zero) return BAD_YIELD;
  return api.error;
}
function argsFit(api, call) {
  const v = call.value;
  const pos = v.items ?? [];
  const kw = [...v.kwargs?.keys() ?? []];
  const argText = v.argList ? call.value.text.slice(v.argList.start - v.span.start) : "";
  if (/[(,]\s*\*/.test(argText)) return false;
  const spec = api.args ?? "any";
  if (spec === "any") return true;
  if (spec === "none") return pos.length === 0 && kw.length === 0;
  if (spec === "positional") return kw.length === 0;
  return pos.length <= spec.positional && kw.every((k) => spec.kwargs.includes(k));
}
function failsOnOtherBackend(api, call, fn, file) {
  switch (api.need) {
    case "never":
      return { ok: false };
    case "call":
      return { ok: true };
    case "await":
      return call.awaited || call.withKind === "async with" ? { ok: true } : { ok: false };
    case "with":
      return call.withKind ? { ok: true } : { ok: false };
    case "use": {
      const name2 = call.boundTo;
      const bu = api.blockingUse;
      if (!name2 || !bu || !/^[A-Za-z_]\w*$/.test(name2)) return { ok: false };
      for (const m of fn.facts.methodCalls) {
        if (m.receiver !== name2 || !m.awaited || !bu.methods.includes(m.method)) continue;
        if (m.span.start < call.span.start) continue;
        if (api.api === "asyncio.Event" && fn.facts.methodCalls.some((s) => s.receiver === name2 && s.method === "set" && !s.awaited && s.span.start > call.span.start && s.span.start < m.span.start)) continue;
        return { ok: true, use: `await ${name2}.${m.method}()`, useLine: m.span.line };
      }
      if (bu.asyncWith) {
        const body2 = file.text.slice(call.span.end, fn.whole.end);
        const re = new RegExp(`\\basync\\s+with\\s+${name2}\\b(?!\\s*\\()`);
        const m = re.exec(blankStringsAndComments(body2));
        if (m) return { ok: true, use: `async with ${name2}`, useLine: lineAt2(file, call.span.end + m.index) };
      }
      return { ok: false };
    }
  }
}
function lineAt2(file, offset) {
  return lineOf(file.lineStarts, offset);
}
function lineStart(file, line) {
  return file.lineStarts[line - 1] ?? file.text.length;
}
function lineContentEnd(file, line) {
  const next = file.lineStarts[line];
  if (next === void 0) return file.text.length;
  let e = next - 1;
  if (file.text.charCodeAt(e) === 10 && file.text.charCodeAt(e - 1) === 13) e--;
  return e;
}
function lineNext(file, line) {
  return file.lineStarts[line] ?? file.text.length;
}
function lineText(file, line) {
  return file.text.slice(lineStart(file, line), lineContentEnd(file, line));
}
function indentOf(text) {
  return /^[ \t]*/.exec(text)?.[0] ?? "";
}
function isBlank(text) {
  return /^\s*$/.test(text);
}
function eolOf2(file) {
  return file.text.includes("\r\n") ? "\r\n" : "\n";
}
function indentStep(file) {
  const m = /\n([ \t]+)\S/.exec(file.text);
  return m?.[1] ?? "    ";
}
function blankStringsAndComments(text) {
  let out2 = "";
  let i2 = 0;
  while (i2 < text.length) {
    const c2 = text[i2];
    if (c2 === "#") {
      const e = text.indexOf("\n", i2);
      const end = e < 0 ? text.length : e;
      out2 += " ".repeat(end - i2);
      i2 = end;
      continue;
    }
    if (c2 === '"' || c2 === "'") {
      const triple = text.startsWith(c2.repeat(3), i2);
      const q = triple ? c2.repeat(3) : c2;
      let j = i2 + q.length;
      while (j < text.length) {
        if (text[j] === "\\") {
          j += 2;
          continue;
        }
        if (text.startsWith(q, j)) {
          j += q.length;
          break;
        }
        if (!triple && text[j] === "\n") break;
        j++;
      }
      out2 += text.slice(i2, Math.min(j, text.length)).replace(/[^\n]/g, " ");
      i2 = j;
      continue;
    }
    out2 += c2;
    i2++;
  }
  return out2;
}
function nameUsed(text, name2, except = [], from = 0, to = text.length) {
  const clean = blankStringsAndComments(text);
  const re = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(name2)}(?![A-Za-z0-9_])`, "g");
  re.lastIndex = from;
  let m;
  while (m = re.exec(clean)) {
    if (m.index >= to) break;
    const at = m.index;
    if (except.some((e) => at >= e.start && at < e.end)) continue;
    return true;
  }
  return false;
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function blockEnd(file, headerLine) {
  const headIndent = indentOf(lineText(file, headerLine)).length;
  let last = headerLine;
  const total = file.lineStarts.length;
  for (let l = headerLine + 1; l <= total; l++) {
    const t = lineText(file, l);
    if (isBlank(t)) continue;
    if (indentOf(t).length <= headIndent && !/^\s*#/.test(t)) break;
    if (/^\s*#/.test(t) && indentOf(t).length <= headIndent) continue;
    last = l;
  }
  return last;
}
function reindent(lines, remove, add) {
  return lines.map((l) => isBlank(l) ? "" : add + l.slice(Math.min(remove, indentOf(l).length)));
}
function linesOf(file, first, last) {
  const out2 = [];
  for (let l = first; l <= last; l++) out2.push(lineText(file, l));
  return out2;
}
function parseNames(list, kind) {
  return list.split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = /^([\w.]+)(?:\s+as\s+(\w+))?$/.exec(s);
    if (!m) return null;
    const name2 = m[1];
    const asname = m[2];
    const local = asname ?? (kind === "import" ? name2.split(".")[0] : name2);
    return asname ? { name: name2, asname, local } : { name: name2, local };
  }).filter((x) => !!x);
}
function importStatements(file) {
  const out2 = [];
  const total = file.lineStarts.length;
  for (let l = 1; l <= total; l++) {
    const t = lineText(file, l);
    const m = /^(import|from)\s/.exec(t);
    if (!m) continue;
    let endLine = l;
    let text = t;
    const parenthesized = /\(\s*(#.*)?$/.test(t) || /\(/.test(t) && !/\)/.test(t);
    if (parenthesized) {
      while (endLine < total && !/\)/.test(blankStringsAndComments(lineText(file, endLine)))) {
        endLine++;
        text += "\n" + lineText(file, endLine);
      }
    } else {
      while (/\\\s*$/.test(lineText(file, endLine)) && endLine < total) {
        endLine++;
        text += "\n" + lineText(file, endLine);
      }
    }
    const clean = blankStringsAndComments(text);
    const commentAt = clean.length === text.length ? text.slice(clean.trimEnd().length).trim() : "";
    const code = clean.replace(/\\\n/g, " ").replace(/\s+/g, " ").trim();
    const stmt = {
      kind: m[1],
      names: [],
      line: l,
      endLine,
      start: lineStart(file, l),
      end: lineContentEnd(file, endLine),
      comment: commentAt.startsWith("#") ? commentAt : "",
      parenthesized
    };
    if (stmt.kind === "import") {
      stmt.names = parseNames(code.replace(/^import /, ""), "import");
    } else {
      const fm = /^from ([\w.]+) import \(?(.*?)\)?$/.exec(code);
      if (!fm || fm[1] === "__future__") {
        l = endLine;
        continue;
      }
      stmt.module = fm[1];
      stmt.names = parseNames(fm[2], "from");
    }
    out2.push(stmt);
    l = endLine;
  }
  return out2;
}
function dropImportedNames(file, locals, tidy) {
  const edits = [];
  const stmts = importStatements(file);
  const gone = /* @__PURE__ */ new Set();
  for (const st of stmts) {
    const keep = st.names.filter((n) => !locals.has(n.local));
    if (keep.length === st.names.length) continue;
    if (keep.length === 0) {
      gone.add(st);
      continue;
    }
    if (st.parenthesized) {
      for (let l = st.line + 1; l < st.endLine; l++) {
        const t = lineText(file, l);
        const m = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*,?\s*(#.*)?$/.exec(t);
        if (!m) continue;
        const local = m[2] ?? m[1];
        if (locals.has(local)) edits.push({ path: file.path, start: lineStart(file, l), end: lineNext(file, l), text: "" });
      }
      continue;
    }
    const spell2 = (n) => n.asname ? `${n.name} as ${n.asname}` : n.name;
    const head = st.kind === "import" ? "import " : `from ${st.module} import `;
    const text = head + keep.map(spell2).join(", ") + (st.comment ? `  ${st.comment}` : "");
    edits.push({ path: file.path, start: st.start, end: st.end, text });
  }
  const total = file.lineStarts.length;
  const groups = [];
  for (const st of stmts) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.endLine + 1 === st.line) last.push(st);
    else groups.push([st]);
  }
  for (const g of groups) {
    const whole = g.every((st) => gone.has(st));
    for (const st of g) {
      if (!gone.has(st)) continue;
      edits.push({ path: file.path, start: lineStart(file, st.line), end: lineNext(file, st.endLine), text: "" });
    }
    if (!whole || !tidy) continue;
    const first = g[0];
    const lastSt = g[g.length - 1];
    const prevBlank = first.line === 1 || isBlank(lineText(file, first.line - 1));
    const nextBlank = lastSt.endLine < total && isBlank(lineText(file, lastSt.endLine + 1));
    if (prevBlank && nextBlank) edits.push({ path: file.path, start: lineNext(file, lastSt.endLine), end: lineNext(file, lastSt.endLine + 1), text: "" });
  }
  return edits;
}
function localsBoundFrom(file, lib) {
  const out2 = /* @__PURE__ */ new Set();
  for (const st of importStatements(file)) {
    for (const n of st.names) {
      const q = st.kind === "import" ? n.name : `${st.module}.${n.name}`;
      if (q === lib || q.startsWith(lib + ".")) out2.add(n.local);
    }
  }
  return out2;
}
function anyioName(file) {
  return localName(file, "anyio");
}
function spell(file, qual) {
  const a = anyioName(file) ?? "anyio";
  return qual.replace(/^anyio/, a);
}
function portCall(file, api, call, fnCalls = []) {
  if (!api.anyio || !api.rewrite || !file.exactText) return null;
  if (api.rewrite !== "wait_for" && !argsFit(api, call)) return null;
  if (call.value.kind !== "call" || !call.value.argList) return null;
  if (api.rewrite === "callee") {
    return { call, edits: [replaceCallee(file, call.value, spell(file, api.anyio))], structural: false };
  }
  if (api.rewrite === "timeout") {
    if (call.withKind !== "async with") return null;
    const line2 = lineAt2(file, call.span.start);
    const ls2 = lineStart(file, line2);
    const before = file.text.slice(ls2, call.span.start);
    const after = file.text.slice(call.span.end, lineContentEnd(file, line2));
    const m = /^([ \t]*)async(\s+)with\s+$/.exec(before);
    if (!m || !/^\s*:\s*(#.*)?$/.test(after)) return null;
    const kwStart = ls2 + m[1].length;
    return {
      call,
      edits: [
        { path: file.path, start: kwStart, end: call.span.start, text: "with " },
        replaceCallee(file, call.value, spell(file, api.anyio))
      ],
      structural: false
    };
  }
  if (!call.awaited) return null;
  const v = call.value;
  const items = v.items ?? [];
  const aw = items[0] ?? v.kwargs?.get("fut");
  const timeout = items[1] ?? v.kwargs?.get("timeout");
  const extraKw = [...v.kwargs?.keys() ?? []].filter((k) => k !== "timeout" && k !== "fut");
  if (!aw || !timeout || items.length > 2 || extraKw.length || aw.kind !== "call") return null;
  if (call.span.line !== call.span.endLine) return null;
  const line = call.span.line;
  const ls = lineStart(file, line);
  const lineEnd = lineContentEnd(file, line);
  const prefix = file.text.slice(ls, call.span.start);
  const suffix = file.text.slice(call.span.end, lineEnd);
  const pm = /^([ \t]*)((?:[\w.[\], ]+?\s*(?::[^=]+)?=\s*)?await\s+)$/.exec(prefix);
  if (!pm || !/^\s*(#.*)?$/.test(suffix)) return null;
  if (line > 1 && /[([{,\\]\s*$/.test(blankStringsAndComments(lineText(file, line - 1)))) return null;
  const indent = pm[1];
  const stmtHead = pm[2];
  const eol = eolOf2(file);
  let awText = file.text.slice(aw.span.start, aw.span.end);
  const lib = libraryOf(api);
  const inner = [];
  for (const c2 of fnCalls) {
    if (c2 === call || c2.span.start < aw.span.start || c2.span.end > aw.span.end) continue;
    const a = portableApi(c2.qual);
    if (a && libraryOf(a) === lib) {
      const p = a.rewrite === "callee" ? portCall(file, a, c2) : null;
      if (!p) return null;
      inner.push(...p.edits);
    } else if (c2.qual && (c2.qual === lib || c2.qual.startsWith(lib + ".")) && c2.span.start === aw.span.start) return null;
  }
  for (const e of inner.sort((a, b) => b.start - a.start)) {
    awText = awText.slice(0, e.start - aw.span.start) + e.text + awText.slice(e.end - aw.span.start);
  }
  if (timeout.kind === "none") {
    return { call, edits: [{ path: file.path, start: call.span.start, end: call.span.end, text: awText }], structural: false };
  }
  const tText = file.text.slice(timeout.span.start, timeout.span.end);
  const text = `${indent}with ${spell(file, api.anyio)}(${tText}):${eol}${indent}${indentStep(file)}${stmtHead}${awText}${suffix}`;
  return { call, edits: [{ path: file.path, start: ls, end: lineEnd, text }], structural: true };
}
function portFileEdits(file, lib, ports) {
  const edits = ports.flatMap((p) => p.edits);
  let after = file.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
  const locals = localsBoundFrom(file, lib);
  const unused = /* @__PURE__ */ new Set();
  const importRanges = importStatements(file).map((s) => ({ start: s.start, end: s.end }));
  for (const local of locals) {
    if (!nameUsed(after, local, importRanges)) unused.add(local);
  }
  const structural = ports.some((p) => p.structural);
  const needAnyio = !anyioName(file);
  const drops = unused.size ? dropImportedNames(file, unused, structural || needAnyio) : [];
  if (needAnyio) {
    const ins = importEdit(file, "anyio");
    if (drops.some((d) => d.start < ins.start && ins.start < d.end)) {
      const whole = drops.find((d) => d.text === "" && /^import\s/.test(file.text.slice(d.start, d.end)));
      if (!whole) return [...edits, ins];
      const eol = eolOf2(file);
      whole.text = `import anyio${eol}`;
      return [...edits, ...drops];
    }
    return [...edits, ...drops, ins];
  }
  return [...edits, ...drops];
}
function anyioRunFunctions(ctx) {
  const out2 = [];
  const byFixture = /* @__PURE__ */ new Map();
  for (const t of ctx.anyio.anyioTests()) {
    const choice = ctx.anyio.backend(t);
    const backends = new Set(choice?.backends ?? []);
    out2.push({ func: t.func, file: t.file, test: t, backends, choice, users: [t] });
    for (const e of ctx.anyio.anyioFixtures(t)) {
      let rf = byFixture.get(e.def);
      if (!rf) {
        rf = { func: e.def.func, file: e.def.file, fixture: e.def, backends: /* @__PURE__ */ new Set(), choice, users: [] };
        byFixture.set(e.def, rf);
        out2.push(rf);
      }
      for (const b of backends) rf.backends.add(b);
      rf.users.push(t);
    }
  }
  return out2;
}
function backendSourceText(ctx, choice) {
  if (!choice) return "its anyio backends";
  const names = choice.backends.join(" and ");
  if (choice.source === "parametrize") return `backends ${names} from its \`parametrize("anyio_backend", \u2026)\``;
  if (choice.source === "fixture" && choice.def) return `backends ${names} from \`anyio_backend\` in ${choice.def.file.path}:${choice.def.func.anchor.line}`;
  return `backends ${names}: the plugin's default on ${describeRange(ctx.project.versions.anyio)}`;
}
function symbolOf(rf, callee, n) {
  const base = rf.test ? testSymbol(rf.test) : fixtureSymbol(rf.fixture);
  return `call:${base}::${callee}${n > 1 ? `#${n}` : ""}`;
}
function checkPortability(ctx, lib) {
  const other = lib === "asyncio" ? "trio" : "asyncio";
  const all = anyioRunFunctions(ctx);
  const targets = new Set(ctx.targetFiles().map((f) => f.path));
  const hits = [];
  const seenCalls = /* @__PURE__ */ new Set();
  for (const rf of all) {
    if (!rf.backends.has(other)) continue;
    for (const call of rf.func.facts.calls) {
      const api = portableApi(call.qual);
      if (!api || libraryOf(api) !== lib || seenCalls.has(call)) continue;
      const verdict = failsOnOtherBackend(api, call, rf.func, rf.file);
      if (!verdict.ok) continue;
      seenCalls.add(call);
      hits.push({ rf, call, api, ...verdict.use ? { use: verdict.use } : {}, ...verdict.useLine ? { useLine: verdict.useLine } : {} });
    }
  }
  if (!hits.length) return;
  const plans = /* @__PURE__ */ new Map();
  const files = new Set(hits.map((h) => h.rf.file));
  for (const file of files) {
    if (!file.exactText) continue;
    const flagged = [];
    for (const h of hits) {
      if (h.rf.file !== file) continue;
      const p = portCall(file, h.api, h.call, h.rf.func.facts.calls);
      if (p) flagged.push(p);
    }
    if (!flagged.length) continue;
    const extra = [];
    const flaggedCalls = new Set(flagged.map((p) => p.call));
    for (const rf of all) {
      if (rf.file !== file || !rf.backends.has(other)) continue;
      for (const call of rf.func.facts.calls) {
        const api = portableApi(call.qual);
        if (!api || libraryOf(api) !== lib || flaggedCalls.has(call) || seenCalls.has(call)) continue;
        const p = portCall(file, api, call, rf.func.facts.calls);
        if (p && !extra.some((x) => x.call === call)) extra.push(p);
      }
    }
    const pick = (ports) => {
      const within = (q, p) => q.edits.every((e) => p.edits.some((f) => f.start <= e.start && e.end <= f.end));
      const kept = ports.filter((q) => !ports.some((p) => p !== q && p.structural && within(q, p)));
      return kept.length && !overlapping(kept.flatMap((p) => p.edits)) ? kept : null;
    };
    const withExtra = extra.length ? pick([...flagged, ...extra]) : null;
    const fullEdits = withExtra ? portFileEdits(file, lib, withExtra) : null;
    const libGone = (edits2) => !!edits2 && edits2.some((e) => importStatements(file).some((s) => e.start <= s.start && e.end > s.start && s.names.some((n) => localsBoundFrom(file, lib).has(n.local))));
    let chosen;
    let edits;
    if (withExtra && fullEdits && libGone(fullEdits)) {
      chosen = withExtra;
      edits = fullEdits;
    } else {
      chosen = pick(flagged);
      if (!chosen) continue;
      edits = portFileEdits(file, lib, chosen);
    }
    plans.set(file.path, { edits, ported: new Set(chosen.map((p) => p.call)) });
  }
  const counts = /* @__PURE__ */ new Map();
  const reportedLines = /* @__PURE__ */ new Set();
  for (const h of hits) {
    const { rf, call, api } = h;
    if (!targets.has(rf.file.path)) continue;
    const lineKey = `${rf.file.path}:${call.span.line}:${api.api}:${rf.test?.nodeid ?? rf.fixture?.name}`;
    if (reportedLines.has(lineKey)) continue;
    reportedLines.add(lineKey);
    const key2 = `${rf.test ? rf.test.nodeid : fixtureSymbol(rf.fixture)}::${call.callee}`;
    const n = (counts.get(key2) ?? 0) + 1;
    counts.set(key2, n);
    const plan = plans.get(rf.file.path);
    const ported = plan?.ported.has(call) ? plan : void 0;
    const what = rf.test ? `\`${rf.test.name}\`` : `the fixture \`${rf.fixture.name}\``;
    const runs = rf.test ? `runs on anyio's ${other} backend too (${backendSourceText(ctx, rf.choice)})` : `is run by anyio for tests on the ${other} backend too (e.g. \`${(rf.users.find((u) => ctx.anyio.backend(u)?.backends.includes(other)) ?? rf.users[0])?.name}\`; ${backendSourceText(ctx, rf.choice)})`;
    const apiText = `\`${call.callee}()\`${call.callee !== api.api ? ` (\`${api.api}\`)` : ""}`;
    const error = errorFor(api, call);
    const whyLib = lib === "asyncio" ? "asyncio functions and primitives need a running asyncio event loop, which the `[trio]` run does not have" : "trio functions need trio's run context, which the `[asyncio]` run does not have";
    let advice;
    let fix;
    if (ported) {
      advice = `Use ${api.hint}: it works on both backends.`;
      const others = ported.ported.size > 1 ? ` (and port the other ${lib} calls in ${rf.file.path})` : "";
      fix = { title: `Use \`${api.anyio}\` instead of \`${api.api}\`${others}`, edits: ported.edits, applicability: "safe" };
    } else {
      const restrict = rf.test ? restrictFix(ctx, rf.test, lib) : null;
      advice = `There is no drop-in anyio equivalent here (${api.hint}). If the code under test is ${lib}-only, run ${rf.test ? "this test" : "its tests"} on ${lib} only` + (rf.test ? `: \`@pytest.mark.parametrize("anyio_backend", ["${lib}"])\`.` : ` (an \`anyio_backend\` override returning \`"${lib}"\` in that module or conftest).`);
      if (restrict) fix = restrict;
    }
    ctx.report({
      path: rf.file.path,
      span: { line: call.span.line, endLine: call.span.line, col: call.span.col },
      symbol: symbolOf(rf, call.callee, n),
      message: `${apiText} is ${lib}-only, but ${what} ${runs}. ` + (h.use ? `Using it there (\`${h.use}\`, line ${h.useLine}) fails on the \`[${other}]\` run: \`${error}\`` : `On the \`[${other}]\` run it fails: \`${error}\``) + ` \u2014 ${whyLib}. ${advice}`,
      ...fix ? { fix } : {}
    });
  }
}
function overlapping(edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i2 = 1; i2 < sorted.length; i2++) {
    const a = sorted[i2 - 1];
    const b = sorted[i2];
    if (a.start === b.start && a.end === b.end && a.text === b.text) continue;
    if (b.start < a.end) return true;
  }
  return false;
}
function restrictFix(ctx, test, backend) {
  const file = test.file;
  if (!file.exactText) return null;
  if (ctx.anyio.parametrizeHit(test)) return null;
  if (backend === "trio" && !ctx.anyio.trioInstalled) return null;
  let widest = "function";
  for (const e of ctx.anyio.anyioFixtures(test)) {
    const s = e.def.scope;
    if (isScope(s) && scopeRank(s) > scopeRank(widest)) widest = s;
    if (s === "dynamic" || s === "invalid") return null;
  }
  const q = preferredQuote2(file);
  const { prefix, importEdit: imp } = markPrefix(file);
  const scopeArg = widest !== "function" ? `, scope=${pyString(widest, q)}` : "";
  const deco = `${prefix}.parametrize(${pyString("anyio_backend", q)}, [${pyString(backend, q)}]${scopeArg})`;
  const edits = [insertDecorator(file, test.func, deco)];
  if (imp) edits.push(imp);
  return { title: `Run \`${test.name}\` on ${backend} only`, edits, applicability: "safe" };
}
var DEADLINE_CMS = /* @__PURE__ */ new Set([
  "anyio.fail_after",
  "anyio.move_on_after",
  "anyio.fail_at",
  "anyio.move_on_at",
  "trio.fail_after",
  "trio.move_on_after",
  "trio.fail_at",
  "trio.move_on_at",
  "asyncio.timeout",
  "asyncio.timeout_at"
]);
var TASK_GROUP_CMS = /* @__PURE__ */ new Set(["anyio.create_task_group", "trio.open_nursery", "asyncio.TaskGroup"]);
var CANCEL_SCOPE_CMS = /* @__PURE__ */ new Set(["anyio.CancelScope", "trio.CancelScope"]);
function isDeadlineCm(call) {
  if (!call.withKind || !call.qual) return false;
  if (DEADLINE_CMS.has(call.qual)) return true;
  if (CANCEL_SCOPE_CMS.has(call.qual)) return !!(call.value.kwargs?.has("deadline") || call.value.kwargs?.has("relative_deadline"));
  return false;
}
function isScopeCm(call) {
  if (!call.withKind || !call.qual) return false;
  return DEADLINE_CMS.has(call.qual) || TASK_GROUP_CMS.has(call.qual) || CANCEL_SCOPE_CMS.has(call.qual);
}
function statementsIn(file, first, last) {
  const out2 = [];
  let childIndent = null;
  for (let l = first; l <= last; l++) {
    const t = lineText(file, l);
    if (isBlank(t) || /^\s*#/.test(t)) continue;
    const ind = indentOf(t).length;
    if (childIndent === null) childIndent = ind;
    if (ind < childIndent) break;
    if (ind === childIndent) {
      const end = Math.min(blockEnd(file, l), last);
      out2.push({ first: l, last: end, indent: indentOf(t) });
      l = end;
    }
  }
  return out2;
}
function bodyLines(file, fn) {
  const header = fn.defSpan.endLine;
  const headerText = file.text.slice(fn.defSpan.end, lineContentEnd(file, header));
  if (!/^\s*:\s*(#.*)?$/.test(headerText)) return null;
  const last = lineAt2(file, Math.max(fn.whole.start, fn.whole.end - 1));
  if (last <= header) return null;
  return { first: header + 1, last };
}
function bodyStatements(file, fn) {
  const b = bodyLines(file, fn);
  if (!b) return null;
  const all = statementsIn(file, b.first, b.last);
  const first = all[0];
  if (first && /^\s*[rRuUbB]?("""|'''|"|')/.test(lineText(file, first.first))) return { docstring: first, stmts: all.slice(1) };
  return { stmts: all };
}
function withLineOf(file, cm) {
  const line = lineAt2(file, cm.span.start);
  const before = file.text.slice(lineStart(file, line), cm.span.start);
  return /^\s*(async\s+)?with\s/.test(before) ? line : null;
}
function singleItemWith(file, line) {
  const t = blankStringsAndComments(lineText(file, line));
  const m = /^\s*(?:async\s+)?with\s+(.*):\s*$/.exec(t);
  if (!m) return false;
  let depth = 0;
  for (const c2 of m[1]) {
    if (c2 === "(" || c2 === "[" || c2 === "{") depth++;
    else if (c2 === ")" || c2 === "]" || c2 === "}") depth--;
    else if (c2 === "," && depth === 0) return false;
  }
  return true;
}
function moveLines(file, first, last, from, to) {
  return reindent(linesOf(file, first, last), from.length, to).join(eolOf2(file));
}
function replaceLines(file, first, last, text) {
  return { path: file.path, start: lineStart(file, first), end: lineContentEnd(file, last), text };
}
function addParamEdit2(file, fn, name2) {
  if (fn.params.some((p) => p.hasDefault || p.kind !== "positional")) return null;
  const open = file.text.indexOf("(", fn.defSpan.start);
  const close = fn.defSpan.end - 1;
  if (open < 0 || file.text[close] !== ")" && !/\)\s*(->.*)?$/.test(file.text.slice(open, fn.defSpan.end))) return null;
  const last = fn.params[fn.params.length - 1];
  if (!last) {
    const closeParen = file.text.indexOf(")", open);
    if (!/^\(\s*$/.test(file.text.slice(open, closeParen))) return null;
    return { path: file.path, start: open + 1, end: closeParen, text: name2 };
  }
  const after = file.text.slice(last.span.end, fn.defSpan.end);
  if (/^\s*,\s*\n/.test(after)) {
    const ls = file.text.lastIndexOf("\n", last.span.start - 1) + 1;
    const ind = indentOf(file.text.slice(ls, last.span.start));
    const comma = last.span.end + after.indexOf(",") + 1;
    return { path: file.path, start: comma, end: comma, text: `${eolOf2(file)}${ind}${name2},` };
  }
  return { path: file.path, start: last.span.end, end: last.span.end, text: `, ${name2}` };
}
function contextVarId(ctx, file, name2) {
  const root = name2.split(".")[0];
  const rest = name2.slice(root.length);
  const defines = (text2, n) => {
    const cv = [...file.imports.names].filter(([, q]) => q === "contextvars.ContextVar").map(([l]) => escapeRe(l));
    const ctor = `(?:contextvars\\.ContextVar|ContextVar${cv.length ? "|" + cv.join("|") : ""})`;
    return new RegExp(`^${escapeRe(n)}\\s*(?::[^=\\n]+)?=\\s*${ctor}\\s*(?:\\[[^\\]]*\\])?\\s*\\(`, "m").test(text2);
  };
  if (!rest && !file.imports.names.has(root)) return defines(file.text, root) ? `${file.path}::${root}` : null;
  const qual = (file.imports.names.get(root) ?? root) + rest;
  const i2 = qual.lastIndexOf(".");
  if (i2 < 0) return null;
  const mod = qual.slice(0, i2);
  const attr = qual.slice(i2 + 1);
  const path6 = ctx.project.resolveModule(mod);
  if (!path6) return null;
  const text = ctx.suite.files.get(path6)?.text ?? ctx.project.readText(path6);
  return text && defines(text, attr) ? `${path6}::${attr}` : null;
}
function contextVarsSet(ctx, file, fn) {
  const out2 = /* @__PURE__ */ new Map();
  for (const m of fn.facts.methodCalls) {
    if (m.method !== "set" || m.awaited) continue;
    let id = contextVarId(ctx, file, m.receiver);
    if (!id && fn.facts.methodCalls.some((r) => r.receiver === m.receiver && r.method === "reset")) id = `${file.path}::${m.receiver}`;
    if (id && !out2.has(id)) out2.set(id, { name: m.receiver, line: m.span.line });
  }
  return out2;
}
function contextVarReadLine(file, fn, name2) {
  const start2 = fn.defSpan.end;
  const body2 = blankStringsAndComments(file.text.slice(start2, fn.whole.end));
  const m = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(name2)}\\s*\\.\\s*get\\s*\\(`).exec(body2);
  return m ? lineAt2(file, start2 + m.index) : null;
}
function sameContextVar(ctx, setterFile, readerFile, name2, setId) {
  const id = contextVarId(ctx, readerFile, name2);
  if (id) return id === setId;
  if (readerFile === setterFile) return true;
  const root = name2.split(".")[0];
  const a = setterFile.imports.names.get(root);
  return !!a && a === readerFile.imports.names.get(root);
}

// src/rules/anyio/AN201.ts
var AN201 = {
  meta: {
    code: "AN201",
    name: "asyncio-api-on-trio",
    severity: "error",
    plugin: "anyio",
    summary: "An asyncio-only API is used in a test or fixture that anyio also runs on the trio backend.",
    fixable: true,
    docs: {
      what: "Flags calls of asyncio-only APIs (`asyncio.sleep`, `wait_for`, `timeout`, `create_task`, `gather`, `get_running_loop`, `to_thread`, an awaited `asyncio.Event` / `Condition` / `Queue`, \u2026) in the body of an `async def` test or fixture that anyio runs, when the resolved `anyio_backend` includes `trio` (the plugin default does when trio is installed, and always before anyio 4.12). Imports and aliases are resolved (`import asyncio as aio`, `from asyncio import sleep`). Uses that only pass by accident on trio (an uncontended `asyncio.Lock`, an `Event` set before it is awaited) are not reported.",
      why: "Under trio there is no asyncio event loop, so the `[trio]` item fails with errors that never mention the backend: `RuntimeError: no running event loop` (`asyncio.sleep`, `create_task`, `wait_for`, `timeout`, `to_thread`), `RuntimeError: There is no current event loop in thread 'MainThread'.` (`get_event_loop`, `gather`), `AttributeError: 'NoneType' object has no attribute 'create_future'` (waiting on an `asyncio.Event` or an empty `asyncio.Queue`), or `TypeError: trio.run received unrecognized yield message None.` (`asyncio.sleep(0)`). The `[asyncio]` item passes, so the failure looks like a trio bug.",
      versions: 'Every anyio version with the pytest plugin (3.0 \u2192 4.16): before 4.12 the default backends always include trio; from 4.12 they include it when trio is installed (`anyio[trio]`). The fix ports the call to anyio (the file\u2019s other portable asyncio calls go along so that `import asyncio` can be dropped); without an equivalent it restricts the test to asyncio with `@pytest.mark.parametrize("anyio_backend", ["asyncio"])` (with `scope=` when the test uses a wider async fixture, see AN103).',
      bad: `import asyncio

import pytest

pytestmark = pytest.mark.anyio


async def test_debounce(debouncer):
    debouncer.trigger()
    await asyncio.sleep(0.05)
    assert debouncer.fired == 1`,
      good: `import anyio
import pytest

pytestmark = pytest.mark.anyio


async def test_debounce(debouncer):
    debouncer.trigger()
    await anyio.sleep(0.05)
    assert debouncer.fired == 1`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://anyio.readthedocs.io/en/stable/why.html"]
    }
  },
  check(ctx) {
    checkPortability(ctx, "asyncio");
  }
};

// src/rules/anyio/AN202.ts
var AN202 = {
  meta: {
    code: "AN202",
    name: "trio-api-on-asyncio",
    severity: "error",
    plugin: "anyio",
    summary: "A trio-only API is used in a test or fixture that anyio also runs on the asyncio backend.",
    fixable: true,
    docs: {
      what: "Flags calls of trio-only APIs (`trio.sleep`, `trio.open_nursery`, `trio.move_on_after` / `fail_after`, `trio.current_time`, `trio.lowlevel.checkpoint`, `trio.to_thread.run_sync`, awaited `trio.Event` / `Lock` / `Semaphore`, \u2026) in the body of an `async def` test or fixture that anyio runs, when the resolved `anyio_backend` includes `asyncio` (the plugin default always does). Imports and aliases are resolved (`import trio.lowlevel`, `from trio import sleep`).",
      why: "trio\u2019s functions need trio\u2019s run context. On the `[asyncio]` item they fail: `RuntimeError: must be called from async context` (`trio.sleep(x)`, `move_on_after`, `fail_after`, `current_time`, `to_thread.run_sync`), `RuntimeError: Task got bad yield: <class 'trio._core._traps.CancelShieldedCheckpoint'>` (`trio.sleep(0)`, `trio.lowlevel.checkpoint()`, waiting on a trio `Event`), or `AttributeError: 'RunContext' object has no attribute 'runner'` (`trio.open_nursery()`). The `[trio]` item passes, so the suite looks flaky per backend.",
      versions: "Every anyio version with the pytest plugin. The fix uses the anyio equivalent (`anyio.sleep`, `anyio.create_task_group`, `anyio.fail_after`, `anyio.current_time`, \u2026; the task group keeps the nursery\u2019s name, `start_soon` is the same call) and drops `import trio` when nothing else uses it; without an equivalent (`trio.testing.MockClock`, `trio.lowlevel.current_trio_token`) it restricts the test to trio.",
      bad: `import pytest
import trio

pytestmark = pytest.mark.anyio


async def test_pulses(monitor):
    async with trio.open_nursery() as nursery:
        nursery.start_soon(monitor.pulse, "db-1")
    await trio.sleep(0.05)`,
      good: `import anyio
import pytest

pytestmark = pytest.mark.anyio


async def test_pulses(monitor):
    async with anyio.create_task_group() as nursery:
        nursery.start_soon(monitor.pulse, "db-1")
    await anyio.sleep(0.05)`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html"]
    }
  },
  check(ctx) {
    checkPortability(ctx, "trio");
  }
};

// src/rules/anyio/AN401.ts
var AN401 = {
  meta: {
    code: "AN401",
    name: "fixture-deadline-straddles-yield",
    severity: "error",
    plugin: "anyio",
    summary: "An async fixture run by anyio yields inside a timeout scope, so the deadline also applies to the tests that use it.",
    fixable: true,
    docs: {
      what: "Flags an async generator fixture that anyio runs whose `yield` sits inside `anyio.fail_after` / `move_on_after` / `fail_at` / `move_on_at`, a `CancelScope(deadline=\u2026)`, the trio equivalents, or `asyncio.timeout` / `timeout_at`. The finding spans the fixture from its decorator to the `yield`.",
      why: "From anyio 4.0 every fixture step and the test run in one runner task, so a cancel scope entered before the `yield` is still on that task while the test body runs. A test that takes longer than the setup deadline is cancelled: on asyncio it fails with `asyncio.exceptions.CancelledError: Cancelled via cancel scope \u2026; reason: deadline exceeded` (never `TimeoutError`) and its teardown then errors with `anyio.ClosedResourceError` because the runner task died; on trio it fails with `trio.Cancelled: cancelled due to deadline` and pytest hangs in teardown. On anyio 3.6\u20133.7 the test passes but teardown errors with `CancelledError` (asyncio).",
      versions: "anyio 3.6 \u2192 4.16 (older releases break differently: AN406). The fix ends the timeout scope before the `yield` (the `yield` and the teardown after it move out of the `with` block), so the deadline bounds the setup only; put timeouts for the test inside the test.",
      bad: `@pytest.fixture
async def link():
    with anyio.fail_after(CONNECT_TIMEOUT):
        link = await ReplicationLink("replica-2").connect()
        yield link
        await link.close()`,
      good: `@pytest.fixture
async def link():
    with anyio.fail_after(CONNECT_TIMEOUT):
        link = await ReplicationLink("replica-2").connect()
    yield link
    await link.close()`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html", "https://github.com/agronholm/anyio/issues/805"]
    }
  },
  check(ctx) {
    const anyioVersions = ctx.anyio.versionsFrom("3.6");
    if (!anyioVersions.length) return;
    const inScope = new Set(ctx.fixturesInScope());
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture;
      if (!fx || !inScope.has(fx)) continue;
      for (const y of rf.func.facts.yields) {
        const cm = y.within.find(isDeadlineCm);
        if (!cm) continue;
        report4(ctx, rf, fx, y, cm, anyioVersions);
        break;
      }
    }
  }
};
function report4(ctx, rf, fx, y, cm, versions) {
  const fix = dedentFix(fx, y, cm);
  const v4 = ctx.anyio.versionsFrom("4.0");
  const old = versions.filter((v) => !v4.includes(v));
  const user = rf.users[0];
  const backends = new Set(rf.users.flatMap((u) => ctx.anyio.backend(u)?.backends ?? []));
  const asyncio = backends.has("asyncio") || !backends.size;
  const trio = backends.has("trio");
  const parts2 = [];
  if (v4.length) {
    const effects = [];
    if (asyncio) effects.push("on asyncio the test fails with `asyncio.exceptions.CancelledError: Cancelled via cancel scope \u2026; reason: deadline exceeded` and its teardown errors with `anyio.ClosedResourceError` (the runner task died)");
    if (trio) effects.push("on trio it fails with `trio.Cancelled: cancelled due to deadline` and pytest then hangs in teardown");
    parts2.push(
      `On anyio ${describeSet(v4, "anyio")} fixture setup, the test and teardown run in one runner task and the fixture's cancel scope stays on it, so a test that outlives the setup deadline is cancelled: ${effects.join("; ")}. \`TimeoutError\` is never shown.`
    );
  }
  if (old.length) {
    const effects = [];
    if (asyncio) effects.push("on asyncio the test passes and its teardown errors with `CancelledError`");
    if (trio) effects.push("on trio the test fails with `trio.Cancelled: Cancelled`");
    parts2.push(`On anyio ${describeSet(old, "anyio")} the fixture's own task is cancelled at the deadline: ${effects.join("; ")}.`);
  }
  ctx.report({
    path: fx.file.path,
    span: { line: fx.func.anchor.line, endLine: y.span.line, col: fx.func.anchor.col },
    symbol: fixtureSymbol(fx),
    message: `The fixture \`${fx.name}\` yields inside \`${cm.callee}(\u2026)\` (line ${cm.span.line}), so the deadline keeps running while ${user ? `tests such as \`${user.name}\`` : "the tests"} use it (${describeRange(ctx.project.versions.anyio)}). ` + parts2.join(" ") + ` End the timeout scope before \`yield\` so it bounds the setup only, and put any timeout for the test inside the test.`,
    related: cm.span.line !== y.span.line ? [{ path: fx.file.path, line: cm.span.line, endLine: cm.span.line, message: `the timeout scope \`${cm.callee}(\u2026)\` is entered here and exited only after teardown` }] : [],
    ...fix ? { fix } : {}
  });
}
function dedentFix(fx, y, cm) {
  const file = fx.file;
  if (!file.exactText) return null;
  if (y.within[y.within.length - 1] !== cm) return null;
  const wl = withLineOf(file, cm);
  if (!wl || !singleItemWith(file, wl)) return null;
  const body2 = bodyLines(file, fx.func);
  if (!body2 || wl < body2.first) return null;
  const end = blockEnd(file, wl);
  const children = statementsIn(file, wl + 1, end);
  const yieldLine = y.span.line;
  const k = children.findIndex((s) => s.first === yieldLine);
  if (k < 1) return null;
  const child = children[k];
  if (!child || !/^\s*(\w+\s*=\s*)?yield\b/.test(lineText(file, yieldLine))) return null;
  const withIndent = indentOf(lineText(file, wl));
  return {
    title: `End the \`${cm.callee}\` scope before \`yield\` in \`${fx.name}\``,
    edits: [replaceLines(file, yieldLine, end, moveLines(file, yieldLine, end, child.indent, withIndent))],
    applicability: "safe"
  };
}

// src/rules/anyio/AN402.ts
var AN402 = {
  meta: {
    code: "AN402",
    name: "fixture-taskgroup-background-crash",
    severity: "warning",
    plugin: "anyio",
    summary: "An async fixture yields inside a task group in which it started background tasks: a crash in one cancels the test and hides the error.",
    fixable: true,
    docs: {
      what: "Flags an async generator fixture that anyio runs whose `yield` sits inside `async with anyio.create_task_group() as tg` (or `trio.open_nursery()`, `asyncio.TaskGroup()`) after the fixture started tasks in it: `tg.start_soon(...)`, `tg.start(...)`, `tg.create_task(...)`, or `tg` passed to a call that starts them. A fixture that only yields the task group for the tests to use is a supported pattern and is not flagged. Severity is warning for a function-scoped fixture and error for a wider one, whose crash cancels whichever test happens to run.",
      why: 'anyio \u2265 4 runs the fixture and the test in one runner task, and the fixture\u2019s task group is that task\u2019s cancel scope during the test. When a background task raises, the task group cancels the test instead of reporting the exception: on asyncio the test fails with a bare `asyncio.exceptions.CancelledError: Cancelled via cancel scope \u2026` and teardown errors with `anyio.ClosedResourceError` \u2014 the original exception is never shown (anyio #805); on trio the test fails with `trio.Cancelled: cancelled due to nursery with reason "child task raised exception \u2026"` and pytest then hangs.',
      versions: "anyio 3.6 \u2192 4.16 (on 3.6\u20133.7 the test passes and teardown errors with a bare `CancelledError`). The fix turns the fixture into a plain factory and opens the task group in each test that uses it, so a crash surfaces as the test\u2019s own `ExceptionGroup` (a `pytest.raises(E)` around it becomes `pytest.RaisesGroup(E)`, pytest \u2265 8.4). Alternatively keep the fixture and make the background task unable to raise (catch, record, assert at teardown).",
      bad: `@pytest.fixture
async def workers():
    pool = WorkerPool(size=2)
    async with anyio.create_task_group() as tg:
        pool.start(tg)
        yield pool
        tg.cancel_scope.cancel()


@pytest.mark.anyio
async def test_thumbnail(workers):
    await workers.submit({"id": 1, "kind": "thumbnail"})
    result = await workers.results.receive()
    assert result["id"] == 1`,
      good: `@pytest.fixture
def workers():
    return WorkerPool(size=2)


@pytest.mark.anyio
async def test_thumbnail(workers):
    async with anyio.create_task_group() as tg:
        workers.start(tg)
        await workers.submit({"id": 1, "kind": "thumbnail"})
        result = await workers.results.receive()
        tg.cancel_scope.cancel()
    assert result["id"] == 1`,
      references: ["https://github.com/agronholm/anyio/issues/805", "https://anyio.readthedocs.io/en/stable/testing.html"]
    }
  },
  check(ctx) {
    if (!ctx.anyio.versionsFrom("3.6").length) return;
    const inScope = new Set(ctx.fixturesInScope());
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture;
      if (!fx || !inScope.has(fx)) continue;
      for (const y of rf.func.facts.yields) {
        const hit = backgroundStart(rf, y);
        if (!hit) continue;
        report5(ctx, rf, fx, y, hit.tgCm, hit.start);
        break;
      }
    }
  }
};
function backgroundStart(rf, y) {
  for (let i2 = y.within.length - 1; i2 >= 0; i2--) {
    const cm = y.within[i2];
    if (cm.withKind !== "async with" || !cm.qual || !TASK_GROUP_CMS.has(cm.qual) || !cm.boundTo) continue;
    const tg = cm.boundTo;
    for (const c2 of rf.func.facts.calls) {
      if (c2.span.start <= cm.span.end || c2.span.start >= y.span.start) continue;
      if (new RegExp(`^${escapeRe(tg)}\\.(start_soon|start|create_task)$`).test(c2.callee)) return { tgCm: cm, start: c2 };
      const args2 = [...c2.value.items ?? [], ...c2.value.kwargs?.values() ?? []];
      if (args2.some((a) => a.kind === "name" && a.text === tg)) return { tgCm: cm, start: c2 };
    }
  }
  return null;
}
function report5(ctx, rf, fx, y, tgCm, start2) {
  const wide = isScope(fx.scope) && fx.scope !== "function";
  const backends = new Set(rf.users.flatMap((u) => ctx.anyio.backend(u)?.backends ?? []));
  const v4 = ctx.anyio.versionsFrom("4.0").length > 0;
  const effects = [];
  if (backends.has("asyncio") || !backends.size)
    effects.push(v4 ? "on asyncio the test fails with a bare `asyncio.exceptions.CancelledError: Cancelled via cancel scope \u2026` and its teardown errors with `anyio.ClosedResourceError`" : "on asyncio the teardown errors with a bare `CancelledError`");
  if (backends.has("trio")) effects.push('on trio the test fails with `trio.Cancelled: cancelled due to nursery with reason "child task raised exception \u2026"` and pytest then hangs');
  const fix = taskGroupFix(ctx, rf, fx, y, tgCm);
  const startText = start2.callee;
  ctx.report({
    severity: wide ? "error" : "warning",
    path: fx.file.path,
    span: fx.func.anchor,
    symbol: fixtureSymbol(fx),
    message: `The fixture \`${fx.name}\` starts background tasks in a task group (\`${startText}(\u2026)\`, line ${start2.span.line}) and yields inside it (line ${y.span.line}). anyio runs the fixture and ${rf.users.length === 1 ? `\`${rf.users[0]?.name}\`` : "its tests"} in one runner task (${describeRange(ctx.project.versions.anyio)}), so when a background task raises during a test the task group cancels the test: ${effects.join("; ")}. The task's own exception is never shown` + (wide ? `, and because the fixture is ${fx.scope}-scoped the crash cancels whichever test happens to run.` : ".") + ` Open the task group in the test instead (or make the background task unable to raise: catch, record, and assert at teardown).`,
    ...fix ? { fix } : {}
  });
}
var BUILTINS = new Set(
  "True False None self print len range list dict set tuple str int float bool bytes min max sum any all sorted reversed enumerate zip map filter isinstance getattr setattr hasattr id type object super Exception ValueError KeyError RuntimeError TypeError".split(" ")
);
var KEYWORDS = new Set("and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "));
function namesIn(text) {
  const out2 = /* @__PURE__ */ new Set();
  const clean = blankStringsAndComments(text);
  const re = /(?<![A-Za-z0-9_.])([A-Za-z_]\w*)/g;
  let m;
  while (m = re.exec(clean)) {
    const n = m[1];
    if (!KEYWORDS.has(n)) out2.add(n);
  }
  for (const k of clean.matchAll(/[(,]\s*([A-Za-z_]\w*)\s*=(?!=)/g)) out2.delete(k[1]);
  return out2;
}
function rename(text, from, to) {
  if (from === to) return text;
  const clean = blankStringsAndComments(text);
  const re = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(from)}(?![A-Za-z0-9_])`, "g");
  let out2 = "";
  let pos = 0;
  let m;
  while (m = re.exec(clean)) {
    out2 += text.slice(pos, m.index) + to;
    pos = m.index + from.length;
  }
  return out2 + text.slice(pos);
}
function moduleNames(file) {
  const out2 = new Set(file.imports.names.keys());
  for (const f of file.functions) out2.add(f.name);
  for (const c2 of file.classes) out2.add(c2.name);
  for (const m of file.text.matchAll(/^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=/gm)) out2.add(m[1]);
  return out2;
}
function hasAwait(text) {
  return /\bawait\b|\basync\s+(with|for)\b/.test(blankStringsAndComments(text));
}
function taskGroupFix(ctx, rf, fx, y, tgCm) {
  const file = fx.file;
  if (!file.exactText) return null;
  const tg = tgCm.boundTo;
  const wl = withLineOf(file, tgCm);
  if (!wl || !singleItemWith(file, wl)) return null;
  const body2 = bodyStatements(file, fx.func);
  if (!body2) return null;
  const stmts = body2.stmts;
  const w = stmts[stmts.length - 1];
  if (!w || w.first !== wl) return null;
  const setup = stmts.slice(0, -1);
  const children = statementsIn(file, wl + 1, w.last);
  const k = children.findIndex((s) => s.first === y.span.line);
  const ys = children[k];
  if (k < 1 || !ys || ys.last !== ys.first) return null;
  const ym = /^\s*yield\s+(.+?)\s*(#.*)?$/.exec(lineText(file, ys.first));
  if (!ym) return null;
  const yieldExpr = ym[1];
  const startStmts = children.slice(0, k);
  const teardown = children.slice(k + 1);
  const childIndent = ys.indent;
  const varName = /^[A-Za-z_]\w*$/.test(yieldExpr) ? yieldExpr : null;
  const textOf = (ss) => ss.map((s) => linesOf(file, s.first, s.last).join("\n")).join("\n");
  const moved = textOf([...startStmts, ...teardown]);
  const setupText = textOf(setup);
  const assignedInSetup = [...fx.func.facts.assigned].filter((n) => n !== tg && n !== varName && nameUsed(setupText, n));
  if (assignedInSetup.some((n) => nameUsed(moved, n))) return null;
  if (fx.func.argnames.some((a) => nameUsed(moved, a))) return null;
  if (!varName && setup.length && [...fx.func.facts.assigned].some((n) => n !== tg && nameUsed(moved, n))) return null;
  const eol = eolOf2(file);
  const renameOut = (t) => varName ? rename(t, varName, fx.name) : t;
  const bodyIndent2 = w.indent;
  let newBody;
  const single = setup.length === 1 && setup[0].first === setup[0].last ? lineText(file, setup[0].first) : null;
  const assign = single && varName ? new RegExp(`^\\s*${escapeRe(varName)}\\s*=(?!=)\\s*(.+?)\\s*$`).exec(single) : null;
  if (assign && !nameUsed(assign[1], varName)) newBody = `${bodyIndent2}return ${assign[1]}`;
  else newBody = (setup.length ? moveLines(file, setup[0].first, setup[setup.length - 1].last, bodyIndent2, bodyIndent2) + eol : "") + `${bodyIndent2}return ${yieldExpr}`;
  const edits = [replaceLines(file, setup[0]?.first ?? w.first, w.last, newBody)];
  if (!hasAwait(setupText)) {
    const m = /^async\s+/.exec(file.text.slice(fx.func.defSpan.start));
    if (m) edits.push({ path: file.path, start: fx.func.defSpan.start, end: fx.func.defSpan.start + m[0].length, text: "" });
  }
  const users = ctx.usersOf(fx);
  if (!users.length) return null;
  const tgCall = file.text.slice(tgCm.value.span.start, tgCm.value.span.end);
  const tgRoot = /^([A-Za-z_]\w*)/.exec(tgCall)?.[1] ?? "";
  const pytestOk = ctx.project.versions.pytest.candidates.every((v) => cmpVersion(v, "8.4.0") >= 0);
  for (const t of users) {
    const te = testEdit(ctx, t, fx, { tg, tgCall, tgRoot, startStmts, teardown, childIndent, renameOut, moved, varName, pytestOk });
    if (!te) return null;
    edits.push(te);
  }
  edits.push(...pruneImportEdits(file, edits.filter((e) => e.path === file.path)));
  return { title: `Open the task group in the tests that use \`${fx.name}\``, edits, applicability: "unsafe" };
}
function testEdit(ctx, t, fx, m) {
  const file = t.file;
  if (!file.exactText || !t.func.isAsync || !ctx.anyio.isAnyioTest(t)) return null;
  const entry = ctx.suite.closure(t).find((e) => e.def === fx);
  if (!entry || entry.via.length || !t.func.argnames.includes(fx.name)) return null;
  const tb = bodyStatements(file, t.func);
  if (!tb || !tb.stmts.length) return null;
  const B = tb.stmts;
  const bodyText = linesOf(file, B[0].first, B[B.length - 1].last).join("\n");
  if (nameUsed(bodyText, m.tg)) return null;
  if (file !== fx.file) {
    const avail = moduleNames(file);
    for (const n of namesIn(m.moved)) if (n !== m.tg && n !== fx.name && n !== m.varName && !BUILTINS.has(n) && !avail.has(n)) return null;
    if (file.imports.names.get(m.tgRoot) !== fx.file.imports.names.get(m.tgRoot)) return null;
  }
  const isAssert = (s) => /^\s*assert\b/.test(lineText(file, s.first)) && !hasAwait(linesOf(file, s.first, s.last).join("\n"));
  let j = B.length;
  while (j > 0 && isAssert(B[j - 1])) j--;
  if (j === 0) j = B.length;
  const core = B.slice(0, j);
  const I = B[0].indent;
  const step = indentStep(file);
  const eol = eolOf2(file);
  const fxFile = fx.file;
  const startText = (to) => m.startStmts.map((s) => m.renameOut(moveLines(fxFile, s.first, s.last, m.childIndent, to)));
  const teardownText = (to) => m.teardown.map((s) => m.renameOut(moveLines(fxFile, s.first, s.last, m.childIndent, to)));
  const last = core[core.length - 1];
  const raises = last.last > last.first ? /^(\s*)with\s+([A-Za-z_][\w.]*)\.raises\(\s*([A-Za-z_][\w.]*)\s*\)\s*:\s*(#.*)?$/.exec(lineText(file, last.first)) : null;
  const raisesOk = raises && ctx.suite.files.get(file.path)?.imports.names.get(raises[2].split(".")[0]) === "pytest";
  const out2 = [];
  if (raises && raisesOk) {
    if (!m.pytestOk) return null;
    const inner = I + step;
    const deep = inner + step;
    out2.push(`${I}with ${raises[2]}.RaisesGroup(${raises[3]}):`);
    out2.push(`${inner}async with ${m.tgCall} as ${m.tg}:`);
    out2.push(...startText(deep));
    for (const s of core.slice(0, -1)) out2.push(moveLines(file, s.first, s.last, I, deep));
    const rb = statementsIn(file, last.first + 1, last.last);
    if (!rb.length) return null;
    out2.push(moveLines(file, rb[0].first, last.last, rb[0].indent, deep));
  } else {
    const inner = I + step;
    out2.push(`${I}async with ${m.tgCall} as ${m.tg}:`);
    out2.push(...startText(inner));
    out2.push(moveLines(file, core[0].first, last.last, I, inner));
    out2.push(...teardownText(inner));
  }
  return replaceLines(file, core[0].first, last.last, out2.join(eol));
}

// src/rules/anyio/AN403.ts
var AN403 = {
  meta: {
    code: "AN403",
    name: "scoped-cancel-scope-misnesting",
    severity: "error",
    plugin: "anyio",
    summary: "Two higher-scoped async fixtures hold task groups or cancel scopes across `yield` and are set up in an order that does not nest.",
    fixable: true,
    docs: {
      what: "Flags a class-, module- or package-scoped async generator fixture N whose `yield` sits inside a task group or cancel scope, when a wider fixture W (package or session scope) that also holds one across `yield` is first requested by a later test while N is already set up, and N does not depend on W. The finding is on N.",
      why: "anyio \u2265 4 runs every fixture and test in one runner task, so the scopes the fixtures hold form one stack on that task. N is entered first, W on top of it, and at the end of N\u2019s scope pytest tears N down while W is still open: `RuntimeError: Attempted to exit a cancel scope that isn't the current tasks's current cancel scope` at N\u2019s teardown on asyncio (later items then get `ClosedResourceError`), a hang on trio. anyio 4.0.0 adds `RuntimeError: Runner is closed`; anyio 3.x fails with `RuntimeError: Event loop is closed` at W\u2019s teardown.",
      versions: "Every anyio version with the pytest plugin (the error text differs, see above). The fix makes N request W, so pytest always sets W up first and the lifetimes nest; making W `autouse=True` works too.",
      bad: `# conftest.py
@pytest.fixture(scope="session")
async def service_group():
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()

# test_resolver.py
@pytest.fixture(scope="module")
async def module_group():
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()

async def test_cache(module_group): ...
async def test_shared(module_group, service_group): ...`,
      good: `# test_resolver.py
@pytest.fixture(scope="module")
async def module_group(service_group):
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()`,
      references: ["https://github.com/agronholm/anyio/issues/619", "https://github.com/agronholm/anyio/issues/555"]
    }
  },
  check(ctx) {
    const holders = /* @__PURE__ */ new Map();
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture;
      if (!fx || !isScope(fx.scope) || fx.scope === "function") continue;
      if (!rf.func.facts.yields.some((y) => y.within.some(isScopeCm))) continue;
      holders.set(fx, rf.users);
    }
    if (holders.size < 2) return;
    const inScope = new Set(ctx.fixturesInScope());
    const order2 = pytestOrder(ctx.suite.tests());
    const reported = /* @__PURE__ */ new Set();
    for (const [n, nUsers] of holders) {
      if (!inScope.has(n) || reported.has(n)) continue;
      for (const [w] of holders) {
        if (w === n || !isScope(w.scope) || scopeRank(w.scope) <= scopeRank(n.scope)) continue;
        const hit = misnesting(ctx, n, w, nUsers, order2);
        if (!hit) continue;
        report6(ctx, n, w, hit.first, hit.enters);
        reported.add(n);
        break;
      }
    }
  }
};
function pytestOrder(tests) {
  const sorted = [...tests].sort((a, b) => {
    if (a.file !== b.file) {
      const pa = a.file.path.split("/");
      const pb = b.file.path.split("/");
      for (let i2 = 0; i2 < Math.min(pa.length, pb.length); i2++) {
        if (pa[i2] !== pb[i2]) return pa[i2] < pb[i2] ? -1 : 1;
      }
      return pa.length - pb.length;
    }
    return a.func.whole.start - b.func.whole.start;
  });
  return new Map(sorted.map((t, i2) => [t, i2]));
}
function dirOf6(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
function instanceKey(fx, t) {
  switch (fx.scope) {
    case "class":
      return t.cls ? `${t.file.path}::${t.cls.qualName}` : null;
    case "module":
      return t.file.path;
    case "package":
      return fx.file.kind === "conftest" ? dirOf6(fx.file.path) : dirOf6(t.file.path);
    default:
      return "session";
  }
}
function misnesting(ctx, n, w, nUsers, order2) {
  if (w.autouse) return null;
  const groups = /* @__PURE__ */ new Map();
  for (const t of ctx.suite.tests()) {
    const key2 = instanceKey(n, t);
    if (key2 === null) continue;
    pushTo(groups, key2, t);
  }
  const users = new Set(nUsers);
  for (const tests of groups.values()) {
    tests.sort((a, b) => (order2.get(a) ?? 0) - (order2.get(b) ?? 0));
    let nFirst = null;
    for (const t of tests) {
      if (!ctx.anyio.hasBackend(t)) continue;
      const closure = ctx.anyio.closure(t);
      const hasW = closure.some((e) => e.def === w);
      const hasN = users.has(t) && closure.some((e) => e.def === n);
      if (!nFirst) {
        if (hasW) break;
        if (hasN) {
          if (dependsOn(ctx, n, w, t)) break;
          nFirst = t;
        }
        continue;
      }
      if (hasW) return { first: nFirst, enters: t };
    }
  }
  return null;
}
function dependsOn(ctx, fx, dep, t) {
  const seen = /* @__PURE__ */ new Set();
  const visit = (d) => {
    if (d === dep) return true;
    if (seen.has(d)) return false;
    seen.add(d);
    for (const arg of d.func.argnames) {
      if (arg === "request") continue;
      const r = ctx.suite.resolve(arg, t, arg === d.name ? d : void 0);
      if (r && visit(r)) return true;
    }
    return false;
  };
  return [...fx.func.argnames].some((arg) => {
    const r = ctx.suite.resolve(arg, t, arg === fx.name ? fx : void 0);
    return !!r && visit(r);
  });
}
function report6(ctx, n, w, first, enters) {
  const v = ctx.anyio;
  const effects = [];
  if (v.versionsFrom("4.1").length) effects.push("`RuntimeError: Attempted to exit a cancel scope that isn't the current tasks's current cancel scope` at its teardown on asyncio (later items then get `ClosedResourceError`), and a hang on trio");
  if (v.versions.includes("4.0.0")) effects.push("on anyio 4.0.0 the same `RuntimeError` followed by `RuntimeError: Runner is closed`");
  if (v.versionsBelow("4.0").length) effects.push("on anyio 3.x `RuntimeError: Event loop is closed` at the teardown of the wider fixture");
  const file = n.file;
  let fix;
  if (file.exactText) {
    const e = addParamEdit2(file, n.func, w.name);
    if (e) fix = { title: `Make \`${n.name}\` request \`${w.name}\` so their scopes nest`, edits: [e], applicability: "safe" };
  }
  ctx.report({
    path: file.path,
    span: n.func.anchor,
    symbol: fixtureSymbol(n),
    message: `\`${n.name}\` (${n.scope} scope) and \`${w.name}\` (${w.scope} scope, ${where(w)}) both hold a task group or cancel scope across their \`yield\`, and anyio runs every fixture and test in one runner task (${describeRange(ctx.project.versions.anyio)}), so those scopes form one stack. \`${first.name}\` sets up \`${n.name}\` first, \`${enters.name}\` then enters \`${w.name}\` on top of it, and at the end of its ${n.scope} \`${n.name}\` is torn down while \`${w.name}\` is still open: ${effects.join("; ")}. Make \`${n.name}\` request \`${w.name}\` (or make \`${w.name}\` autouse) so pytest sets the wider fixture up first and the scopes nest.`,
    related: [{ path: w.file.path, line: w.func.anchor.line, endLine: w.func.anchor.endLine, message: `\`${w.name}\` is entered while \`${n.name}\` is still open (first requested by \`${enters.name}\`)` }],
    involves: [w.file.path, enters.file.path],
    ...fix ? { fix } : {}
  });
}

// src/rules/anyio/AN404.ts
var AN404 = {
  meta: {
    code: "AN404",
    name: "mixed-backend-with-live-runner",
    severity: "warning",
    plugin: "anyio",
    summary: "A test parametrized to another anyio backend runs while a higher-scoped async fixture keeps a runner of the first backend alive, so it silently runs on that one.",
    fixable: true,
    docs: {
      what: 'Flags an anyio test whose own `parametrize("anyio_backend", \u2026)` asks for a backend that differs from the backend of a class-, module-, package- or session-scoped async fixture that an earlier test set up and that is still alive when this test runs (same class, module, package, or the session). The test does not use that fixture itself (if it did, pytest would raise AN103\u2019s ScopeMismatch).',
      why: "Every anyio-run async fixture holds a lease on the test runner until its teardown, and anyio reuses a runner that exists whatever backend the next test requests (`get_runner` only uses the backend name when it creates a runner). The test therefore runs on the live runner\u2019s backend: a `[trio]` test runs on asyncio (`sniffio.current_async_library()` says `asyncio`) and its trio calls fail with `RuntimeError: must be called from async context`, or it passes without testing trio at all.",
      versions: "Every anyio version with the pytest plugin (observed on 3.7.1, 4.0.0, 4.14.2 and master). The fix moves the test to a new module next to it, where no fixture of the other backend is alive (for a module- or class-scoped fixture); alternatively parametrize the module\u2019s `anyio_backend` itself.",
      bad: `@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
async def store():
    yield QuotaStore(per_minute=5)


@pytest.mark.anyio
async def test_quota_is_enforced(store): ...


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_refill_schedule(anyio_backend):
    start = trio.current_time()`,
      good: `# test_quota_schedule.py (its own module: no asyncio runner is alive here)
@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_refill_schedule(anyio_backend):
    start = trio.current_time()`,
      references: ["https://github.com/agronholm/anyio/issues/686"]
    }
  },
  check(ctx) {
    const targets = new Set(ctx.targetTests());
    const holders = anyioRunFunctions(ctx).filter((rf) => rf.fixture && isScope(rf.fixture.scope) && rf.fixture.scope !== "function");
    if (!holders.length) return;
    const order2 = runOrder(ctx.suite.tests());
    for (const t of targets) {
      if (!ctx.anyio.isAnyioTest(t)) continue;
      const choice = ctx.anyio.backend(t);
      if (!choice || choice.source !== "parametrize" || !choice.exact) continue;
      const mine = new Set(choice.backends);
      const closure = new Set(ctx.anyio.closure(t).map((e) => e.def));
      for (const h of holders) {
        const fx = h.fixture;
        if (closure.has(fx)) continue;
        const live = liveBefore(ctx, fx, h.users, t, order2);
        if (!live) continue;
        const theirs = ctx.anyio.backend(live)?.backends ?? [];
        if (theirs.length !== 1) continue;
        const runner = theirs[0];
        const wanted = [...mine].filter((b) => b !== runner);
        if (!wanted.length) continue;
        report7(ctx, t, fx, live, runner, wanted);
        break;
      }
    }
  }
};
function runOrder(tests) {
  const sorted = [...tests].sort((a, b) => a.file !== b.file ? a.file.path < b.file.path ? -1 : 1 : a.func.whole.start - b.func.whole.start);
  return new Map(sorted.map((t, i2) => [t, i2]));
}
function dirOf7(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
function liveBefore(ctx, fx, users, t, order2) {
  const at = order2.get(t) ?? 0;
  const same = (u) => {
    switch (fx.scope) {
      case "class":
        return !!t.cls && u.cls === t.cls && u.file === t.file;
      case "module":
        return u.file === t.file;
      case "package":
        return dirOf7(u.file.path).startsWith(fx.file.kind === "conftest" ? dirOf7(fx.file.path) : dirOf7(t.file.path));
      default:
        return true;
    }
  };
  const earlier = users.filter((u) => u !== t && same(u) && (order2.get(u) ?? 0) < at && ctx.anyio.isAnyioTest(u));
  earlier.sort((a, b) => (order2.get(a) ?? 0) - (order2.get(b) ?? 0));
  return earlier[0] ?? null;
}
function report7(ctx, t, fx, live, runner, wanted) {
  const fix = fx.scope === "module" || fx.scope === "class" ? moveTestFix(ctx, t, wanted[0]) : null;
  const newPath = fix?.edits.find((e) => e.path !== t.file.path)?.path;
  ctx.report({
    path: t.file.path,
    span: t.func.anchor,
    symbol: testSymbol(t),
    message: `\`${t.name}\` asks for the ${wanted.join("/")} backend (its \`parametrize("anyio_backend", \u2026)\`), but when it runs the ${fx.scope}-scoped async fixture \`${fx.name}\` (${where(fx)}), set up on ${runner} by \`${live.name}\`, still holds anyio's test runner. anyio reuses a live runner whatever backend a test requests (${describeRange(ctx.project.versions.anyio)}), so this test silently runs on ${runner} (\`sniffio.current_async_library()\` is \`"${runner}"\`)` + (wanted.includes("trio") ? ` and its trio calls fail with \`RuntimeError: must be called from async context\`` : "") + `. ` + (newPath ? `Move it to its own module (\`${newPath}\`), where no ${runner} runner is alive, or parametrize the module's \`anyio_backend\` instead.` : `Give it a module (or conftest directory) of its own with a matching \`anyio_backend\` and no higher-scoped ${runner} fixtures alive, or parametrize the shared \`anyio_backend\` instead.`),
    related: [{ path: fx.file.path, line: fx.func.anchor.line, endLine: fx.func.anchor.endLine, message: `\`${fx.name}\` keeps the ${runner} runner alive until the end of its ${fx.scope}` }],
    involves: [fx.file.path],
    ...fix ? { fix } : {}
  });
}
var KEYWORDS2 = new Set("and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield True False None".split(" "));
function namesIn2(text) {
  const out2 = /* @__PURE__ */ new Set();
  for (const m of blankStringsAndComments(text).matchAll(/(?<![A-Za-z0-9_.])([A-Za-z_]\w*)/g)) if (!KEYWORDS2.has(m[1])) out2.add(m[1]);
  return out2;
}
function newModulePath(ctx, t, backend) {
  const path6 = t.file.path;
  const dir = dirOf7(path6);
  const base = path6.slice(dir ? dir.length + 1 : 0).replace(/\.py$/, "");
  const stemWords = new Set(base.split("_"));
  const words = t.name.replace(/^test_?/, "").split("_").filter((w) => w && !stemWords.has(w));
  const word = words.reduce((best, w) => w.length > best.length ? w : best, "");
  const candidates = [word, backend, word && `${word}_${backend}`].filter(Boolean);
  for (const c2 of candidates) {
    const name2 = base.endsWith("_test") && !base.startsWith("test") ? `${base.slice(0, -5)}_${c2}_test` : `${base}_${c2}`;
    const p = `${dir ? dir + "/" : ""}${name2}.py`;
    if (ctx.project.isTestFile(`${name2}.py`) && !ctx.suite.files.has(p) && !ctx.project.fileExists(p)) return p;
  }
  return null;
}
function moveTestFix(ctx, t, backend) {
  const file = t.file;
  if (!file.exactText || t.cls) return null;
  if (ctx.suite.closure(t).some((e) => e.def.file === file)) return null;
  let first = t.func.anchor.line;
  while (first > 1 && /^\s*#/.test(lineText(file, first - 1))) first--;
  const last = lineAt2(file, Math.max(t.func.whole.start, t.func.whole.end - 1));
  const testText = linesOf(file, first, last).join(eolOf2(file));
  const stmts = importStatements(file);
  const imported = new Set(stmts.flatMap((s) => s.names.map((n) => n.local)));
  const defined = /* @__PURE__ */ new Set([...file.functions.map((f) => f.name), ...file.classes.map((c2) => c2.name)]);
  for (const m of file.text.matchAll(/^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=/gm)) defined.add(m[1]);
  defined.delete("pytestmark");
  for (const fx of file.fixtures) if (!file.functions.some((f) => f !== fx.func && f.name === fx.func.name)) defined.delete(fx.func.name);
  const used = namesIn2(testText);
  for (const n of used) if (defined.has(n) && !imported.has(n) && n !== t.name) return null;
  const newPath = newModulePath(ctx, t, backend);
  if (!newPath) return null;
  const eol = eolOf2(file);
  let start2 = first;
  while (start2 > 1 && isBlank(lineText(file, start2 - 1))) start2--;
  let end = last;
  if (start2 === 1) {
    start2 = first;
    while (end < file.lineStarts.length && isBlank(lineText(file, end + 1))) end++;
  }
  const removal = { path: file.path, start: lineStart(file, start2), end: lineNext(file, end), text: "" };
  const markText = file.pytestmark ? file.text.slice(file.pytestmark.span.start, file.pytestmark.span.end) : "";
  const needed = namesIn2(testText + "\n" + markText);
  const kept = [];
  let prev = null;
  for (const s of stmts) {
    const names = s.names.filter((n) => needed.has(n.local));
    if (!names.length) continue;
    if (prev && linesOf(file, prev.endLine + 1, s.line - 1).some(isBlank) && kept.length) kept.push("");
    const spell2 = names.map((n) => n.asname ? `${n.name} as ${n.asname}` : n.name).join(", ");
    kept.push(s.kind === "import" ? `import ${spell2}` : `from ${s.module} import ${spell2}`);
    prev = s;
  }
  const future = file.text.match(/^from __future__ import [^\n]+$/m)?.[0];
  const head = [...future ? [future, ""] : [], ...kept].join(eol);
  const parts2 = [head];
  if (markText) parts2.push(`${eol}${eol}${markText}`);
  const content = `${parts2.join("")}${eol}${eol}${eol}${testText}${eol}`;
  const removedRange = { start: removal.start, end: removal.end };
  const leaving = /* @__PURE__ */ new Set();
  for (const local of imported) {
    if (!nameUsed(testText, local)) continue;
    const stmtRanges = stmts.map((s) => ({ start: s.start, end: s.end }));
    if (!nameUsed(file.text, local, [removedRange, ...stmtRanges])) leaving.add(local);
  }
  const edits = [removal, ...dropImportedNames(file, leaving, true), { path: newPath, start: 0, end: 0, text: content }];
  return { title: `Move \`${t.name}\` to \`${newPath}\``, edits, applicability: "unsafe" };
}

// src/rules/anyio/AN405.ts
var RUNTIME_ERROR = "RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture.";
var AN405 = {
  meta: {
    code: "AN405",
    name: "getfixturevalue-async-fixture",
    severity: "error",
    plugin: "anyio",
    summary: "`request.getfixturevalue()` is used inside async code run by anyio to set up an async fixture.",
    fixable: true,
    docs: {
      what: 'Flags `request.getfixturevalue("name")` in an `async def` test or fixture that anyio runs, when `name` resolves to an async fixture the plugin would run (or a fixture that depends on one) that is not already set up for that test.',
      why: "anyio runs the test (or fixture) coroutine on its test runner; setting up another async fixture from inside it needs the same runner. From anyio 4.14 this fails on both backends with `RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture.`; before 4.14 asyncio raises `RuntimeError: This event loop is already running` and trio hangs (anyio #1148).",
      versions: "Every anyio version with the pytest plugin (the error changes in 4.14.0). `getfixturevalue` on an async fixture is only safe from sync tests and fixtures. The fix requests the fixture as a parameter (replacing `request` when nothing else uses it); for a dynamic choice between fixtures use `parametrize(..., indirect=True)` on a fixture instead.",
      bad: `@pytest.mark.anyio
async def test_transfer_is_audited(accounts, request):
    accounts.audit = request.getfixturevalue("audit_log")
    await accounts.transfer("alice", "bob", 5)`,
      good: `@pytest.mark.anyio
async def test_transfer_is_audited(accounts, audit_log):
    accounts.audit = audit_log
    await accounts.transfer("alice", "bob", 5)`,
      references: ["https://github.com/agronholm/anyio/issues/1148"]
    }
  },
  check(ctx) {
    const targets = new Set(ctx.targetFiles().map((f) => f.path));
    for (const rf of anyioRunFunctions(ctx)) {
      if (!targets.has(rf.file.path) || !rf.func.isAsync) continue;
      if (!rf.func.params.some((p) => p.name === "request")) continue;
      const hits = [];
      for (const call of rf.func.facts.calls) {
        if (call.callee !== "request.getfixturevalue") continue;
        const arg = call.value.items?.[0] ?? call.value.kwargs?.get("argname");
        if (!arg || arg.kind !== "str" || arg.str === void 0) continue;
        const found = asyncSetup(ctx, rf, arg.str);
        if (found) hits.push({ call, name: arg.str, ...found });
      }
      if (!hits.length) continue;
      const fix = requestAsParamFix(rf.func, rf, hits.map((h) => ({ call: h.call, name: h.name })));
      const seen = /* @__PURE__ */ new Map();
      for (const h of hits) {
        const n = (seen.get(h.name) ?? 0) + 1;
        seen.set(h.name, n);
        const owner = rf.test ? testSymbol(rf.test) : fixtureSymbol(rf.fixture);
        const what = rf.test ? `\`${rf.test.name}\`` : `the async fixture \`${rf.fixture.name}\``;
        const v14 = ctx.anyio.versionsFrom("4.14");
        const old = ctx.anyio.versionsBelow("4.14");
        const effects = [];
        if (v14.length) effects.push(`\`${RUNTIME_ERROR}\``);
        if (old.length) effects.push(`${v14.length ? "before anyio 4.14, " : ""}\`RuntimeError: This event loop is already running\` on asyncio and a hang on trio`);
        const via = h.def.name !== h.name || !h.def.func.isAsync ? ` (it needs the async fixture \`${h.def.name}\`)` : "";
        ctx.report({
          path: rf.file.path,
          span: { line: h.call.span.line, endLine: h.call.span.line, col: h.call.span.col },
          symbol: `call:${owner}::getfixturevalue(${h.name})${n > 1 ? `#${n}` : ""}`,
          message: `${what} calls \`request.getfixturevalue("${h.name}")\` while anyio's test runner is running it, and \`${h.name}\`${via} is an async fixture (${where(h.def)}) that is not set up yet for \`${h.test.name}\`: its setup needs the same runner, which is busy. It fails with ${effects.join("; ")} (${describeRange(ctx.project.versions.anyio)}). Request \`${h.name}\` as a parameter instead (or list it in \`@pytest.mark.usefixtures\` if only its side effect is needed).`,
          related: [{ path: h.def.file.path, line: h.def.func.anchor.line, endLine: h.def.func.anchor.endLine, message: `\`${h.def.name}\` is async: anyio must run its setup on the test runner` }],
          involves: [h.def.file.path],
          ...fix ? { fix } : {}
        });
      }
    }
  }
};
function asyncSetup(ctx, rf, name2) {
  for (const t of rf.users) {
    const closure = new Set(ctx.anyio.closure(t).map((e) => e.def));
    const requester = rf.fixture && rf.fixture.name === name2 ? rf.fixture : void 0;
    const root = ctx.suite.resolve(name2, t, requester);
    if (!root) continue;
    const seen = /* @__PURE__ */ new Set();
    const stack = [root];
    while (stack.length) {
      const d = stack.pop();
      if (seen.has(d) || closure.has(d)) continue;
      seen.add(d);
      if (ctx.anyio.runsFixture(d)) return { def: d, test: t };
      for (const arg of d.func.argnames) {
        if (arg === "request") continue;
        const dep = ctx.suite.resolve(arg, t, arg === d.name ? d : void 0);
        if (dep) stack.push(dep);
      }
    }
  }
  return null;
}
function requestAsParamFix(fn, rf, calls) {
  const file = rf.file;
  if (!file.exactText) return null;
  const names = [...new Set(calls.map((c2) => c2.name))];
  if (names.some((n) => !/^[A-Za-z_]\w*$/.test(n))) return null;
  const bodyStart = fn.defSpan.end;
  const bodyEnd = fn.whole.end;
  const body2 = file.text.slice(bodyStart, bodyEnd);
  const callRanges = calls.map((c2) => ({ start: c2.call.span.start - bodyStart, end: c2.call.span.end - bodyStart }));
  for (const n of names) if (nameUsed(body2, n, callRanges) && !fn.params.some((p) => p.name === n)) return null;
  const edits = [];
  for (const c2 of calls) {
    const ls = lineStart(file, c2.call.span.line);
    const le = lineContentEnd(file, c2.call.span.endLine);
    const alone = /^\s*$/.test(file.text.slice(ls, c2.call.span.start)) && /^\s*(#.*)?$/.test(file.text.slice(c2.call.span.end, le));
    if (alone) edits.push(deleteLinesEdit(file, { line: c2.call.span.line, endLine: c2.call.span.endLine }));
    else edits.push({ path: file.path, start: c2.call.span.start, end: c2.call.span.end, text: c2.name });
  }
  const missing = names.filter((n) => !fn.params.some((p) => p.name === n));
  const requestParam = fn.params.find((p) => p.name === "request");
  const requestStillUsed = nameUsed(body2, "request", callRanges);
  if (requestParam && !requestStillUsed && requestParam.kind === "positional" && !requestParam.hasDefault) {
    edits.push({ path: file.path, start: requestParam.span.start, end: requestParam.span.end, text: missing.join(", ") });
    if (!missing.length) return null;
  } else if (missing.length) {
    const last = fn.params[fn.params.length - 1];
    if (!last || fn.params.some((p) => p.kind !== "positional" || p.hasDefault)) return null;
    edits.push({ path: file.path, start: last.span.end, end: last.span.end, text: `, ${missing.join(", ")}` });
  }
  return { title: `Request ${names.map((n) => `\`${n}\``).join(", ")} as ${names.length > 1 ? "parameters" : "a parameter"} instead of \`request.getfixturevalue\``, edits, applicability: "safe" };
}

// src/rules/anyio/AN406.ts
var AN406 = {
  meta: {
    code: "AN406",
    name: "old-anyio-cross-task-fixture-scope",
    severity: "error",
    plugin: "anyio",
    summary: "A fixture relies on anyio \u2265 3.6 / \u2265 4 task semantics (a scope across `yield`, a context variable for the test), but the pins allow an older anyio.",
    fixable: true,
    docs: {
      what: "Flags an async generator fixture that anyio runs and that holds a task group or cancel scope across its `yield` when the pins allow anyio < 3.6, and an async fixture that sets a context variable an anyio test reads when the pins allow anyio < 4.0.",
      why: "Before 3.6 the plugin ran an async generator fixture\u2019s setup and teardown as separate calls, in different tasks: leaving the scope at teardown fails with `RuntimeError: Attempted to exit cancel scope in a different task than it was entered in` (asyncio; trio hangs). Before 4.0 every test and fixture ran in a task of its own, so a context variable a fixture sets is not visible in the test (`assert 'unset' == 'from-fixture'`), and on < 3.6 the teardown\u2019s `var.reset(token)` raises `ValueError: <Token \u2026> was created in a different Context`. anyio 4.0 runs fixtures and tests in one runner task.",
      versions: "anyio 3.0\u20133.5 (scopes across `yield`) and 3.0\u20133.7 (context variables). The fix raises the requirement (`>=3.6` or `>=4`) where the pin is declared; with a lockfile, upgrade and re-lock.",
      bad: `# requirements-dev.txt
anyio==3.5.0

# conftest.py
@pytest.fixture
async def server():
    async with anyio.create_task_group() as tg:
        await tg.start(serve)
        yield
        tg.cancel_scope.cancel()`,
      good: `# requirements-dev.txt
anyio>=3.6`,
      references: ["https://anyio.readthedocs.io/en/stable/versionhistory.html", "https://anyio.readthedocs.io/en/stable/testing.html"]
    }
  },
  check(ctx) {
    const below36 = ctx.anyio.versionsBelow("3.6");
    const below4 = ctx.anyio.versionsBelow("4.0");
    if (!below4.length) return;
    const inScope = new Set(ctx.fixturesInScope());
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture;
      if (!fx || !inScope.has(fx)) continue;
      const scopeYield = below36.length ? rf.func.facts.yields.find((y) => y.within.some(isScopeCm)) : void 0;
      if (scopeYield) {
        const cm = scopeYield.within.find(isScopeCm);
        const fix2 = pinFix(ctx, "3.6");
        ctx.report({
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          message: `\`${fx.name}\` yields inside \`${cm.callee}(\u2026)\` (line ${cm.span.line}), but the pins allow anyio ${describeSet(below36, "anyio")} (${describeRange(ctx.project.versions.anyio)}), whose plugin runs a fixture's setup and teardown in different tasks: leaving the scope at teardown fails with \`RuntimeError: Attempted to exit cancel scope in a different task than it was entered in\` (asyncio; trio hangs). anyio 3.6 runs each async generator fixture in one task; require \`anyio>=3.6\` (4.x for context variables too).`,
          ...fix2 ? { fix: fix2 } : {}
        });
        continue;
      }
      const sets = contextVarsSet(ctx, fx.file, rf.func);
      if (!sets.size) continue;
      const reader = readerOf(ctx, fx, rf.users, sets);
      if (!reader) continue;
      const fix = pinFix(ctx, "4");
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `\`${fx.name}\` sets the context variable \`${reader.name}\` (line ${reader.setLine}) and \`${reader.test.name}\` reads it (line ${reader.readLine}), but the pins allow anyio ${describeSet(below4, "anyio")} (${describeRange(ctx.project.versions.anyio)}), which runs each fixture and test in a task of its own: the test sees the variable's default, not the fixture's value` + (below36.length ? `, and on anyio < 3.6 the teardown's \`reset(token)\` raises \`ValueError: <Token \u2026> was created in a different Context\`` : "") + `. anyio 4.0 runs fixtures and tests in one task, so the value carries over; require \`anyio>=4\`.`,
        related: [{ path: reader.test.file.path, line: reader.readLine, endLine: reader.readLine, message: `\`${reader.test.name}\` reads \`${reader.name}\` here` }],
        involves: [reader.test.file.path],
        ...fix ? { fix } : {}
      });
    }
  }
};
function readerOf(ctx, fx, users, sets) {
  for (const t of users) {
    if (!t.func.isAsync) continue;
    for (const [sid, s] of sets) {
      const readLine = contextVarReadLine(t.file, t.func, s.name);
      if (readLine === null) continue;
      if (sameContextVar(ctx, fx.file, t.file, s.name, sid)) return { test: t, name: s.name, setLine: s.line, readLine };
    }
  }
  return null;
}
function pinFix(ctx, min) {
  const info2 = ctx.project.versions.anyio;
  if (info2.locked || !info2.source || !info2.spec || info2.overridden) return null;
  const spec = info2.spec;
  if (spec.includes(",") || !/^(==|>=|~=|<=|<|>|===)/.test(spec.trim())) return null;
  const path6 = info2.source.path;
  const text = ctx.project.readText(path6);
  if (text === null) return null;
  const lines = text.split("\n");
  const lineText2 = lines[info2.source.line - 1];
  if (lineText2 === void 0) return null;
  const at = lineText2.indexOf(spec);
  if (at < 0 || lineText2.indexOf(spec, at + 1) >= 0) return null;
  let start2 = 0;
  for (let i2 = 0; i2 < info2.source.line - 1; i2++) start2 += lines[i2].length + 1;
  start2 += at;
  return {
    title: `Require \`anyio>=${min}\``,
    edits: [{ path: path6, start: start2, end: start2 + spec.length, text: `>=${min}` }],
    applicability: "unsafe"
  };
}

// src/rules/anyio/AN407.ts
var AN407 = {
  meta: {
    code: "AN407",
    name: "contextvar-from-sync-fixture",
    severity: "warning",
    plugin: "anyio",
    summary: "A context variable set in a sync fixture is read by an async anyio test whose runner was created before the fixture ran.",
    fixable: true,
    docs: {
      what: "Flags a sync fixture that sets a `contextvars.ContextVar` which an async anyio test reads (`var.get()`), when the test\u2019s runner already exists by the time the sync fixture runs: an async fixture of the test is set up before it, or a class-, module-, package- or session-scoped async fixture set up by an earlier test is still alive.",
      why: "From anyio 4.0 async tests and fixtures run in the runner\u2019s task, which copies the thread\u2019s context once, when the runner is created. A variable the sync fixture sets afterwards is set in the main thread\u2019s context only, so the test silently reads the default value (observed on both backends with anyio 4.14.2); the same test passes when it runs alone without the async fixture, which makes the failure order-dependent.",
      versions: "anyio 4.0 \u2192 4.16 (before 4.0 each test ran in a fresh task copying the current context). The fix makes the fixture `async def`, so it runs in the runner task and the value reaches the test.",
      bad: `@pytest.fixture
def tenant():
    token = current_tenant.set("acme")
    yield "acme"
    current_tenant.reset(token)


@pytest.mark.anyio
async def test_scoped_query(db, tenant):   # db: an async fixture
    assert current_tenant.get() == "acme"`,
      good: `@pytest.fixture
async def tenant():
    token = current_tenant.set("acme")
    yield "acme"
    current_tenant.reset(token)`,
      references: ["https://anyio.readthedocs.io/en/stable/testing.html"]
    }
  },
  check(ctx) {
    if (!ctx.anyio.versionsFrom("4.0").length) return;
    const inScope = new Set(ctx.fixturesInScope());
    const order2 = runOrder2(ctx.suite.tests());
    const done = /* @__PURE__ */ new Set();
    for (const t of ctx.anyio.anyioTests()) {
      for (const e of ctx.anyio.closure(t)) {
        const s = e.def;
        if (s.builtin || s.func.isAsync || done.has(s) || !inScope.has(s)) continue;
        const sets = contextVarsSet(ctx, s.file, s.func);
        let read = null;
        for (const [sid, v] of sets) {
          const readLine = contextVarReadLine(t.file, t.func, v.name);
          if (readLine !== null && sameContextVar(ctx, s.file, t.file, v.name, sid)) {
            read = { name: v.name, setLine: v.line, readLine };
            break;
          }
        }
        if (!read) continue;
        const cause = runnerBefore(ctx, t, s, order2);
        if (!cause) continue;
        done.add(s);
        report8(ctx, s, t, read.name, read.setLine, read.readLine, cause);
      }
    }
  }
};
function runOrder2(tests) {
  const sorted = [...tests].sort((a, b) => a.file !== b.file ? a.file.path < b.file.path ? -1 : 1 : a.func.whole.start - b.func.whole.start);
  return new Map(sorted.map((t, i2) => [t, i2]));
}
var rank = (fx) => isScope(fx.scope) ? scopeRank(fx.scope) : 0;
function runnerBefore(ctx, t, s, order2) {
  const closure = ctx.anyio.closure(t);
  const byName = new Map(closure.map((e) => [e.name, e.def]));
  const names = [...closure].sort((a, b) => rank(b.def) - rank(a.def)).map((e) => e.def);
  const seq = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (d) => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const arg of d.func.argnames) {
      const dep = arg === d.name ? ctx.suite.resolve(arg, t, d) : byName.get(arg);
      if (dep) visit(dep);
    }
    seq.push(d);
  };
  for (const d of names) visit(d);
  const at = seq.indexOf(s);
  for (const d of seq.slice(0, Math.max(0, at))) if (ctx.anyio.runsFixture(d)) return { fixture: d };
  const mine = order2.get(t) ?? 0;
  for (const u of ctx.anyio.anyioTests()) {
    if ((order2.get(u) ?? 0) >= mine) continue;
    for (const e of ctx.anyio.anyioFixtures(u)) {
      const f = e.def;
      if (!isScope(f.scope) || f.scope === "function") continue;
      const alive = f.scope === "module" ? u.file === t.file : f.scope === "class" ? !!t.cls && u.cls === t.cls : true;
      if (alive) return { fixture: f, by: u };
    }
  }
  return null;
}
function report8(ctx, s, t, name2, setLine, readLine, cause) {
  const why = cause.by ? `the ${cause.fixture.scope}-scoped async fixture \`${cause.fixture.name}\`, set up by \`${cause.by.name}\`, still holds the runner` : `the async fixture \`${cause.fixture.name}\` is set up before \`${s.name}\` and creates the runner`;
  const fix = asyncFixtureFix(ctx, s);
  ctx.report({
    path: s.file.path,
    span: s.func.anchor,
    symbol: fixtureSymbol(s),
    message: `The sync fixture \`${s.name}\` sets the context variable \`${name2}\` (line ${setLine}) and \`${t.name}\` reads it (line ${readLine}), but anyio runs the test in its runner task, which copied the context when the runner was created (${describeRange(ctx.project.versions.anyio)}): here ${why}, so the test silently sees the variable's default. The test passes when run without that fixture, so the failure depends on what else the suite sets up. Set the variable in an async fixture, which runs in the runner task.`,
    related: [{ path: t.file.path, line: readLine, endLine: readLine, message: `\`${t.name}\` reads \`${name2}\` here` }],
    involves: [t.file.path],
    ...fix ? { fix } : {}
  });
}
function asyncFixtureFix(ctx, s) {
  const file = s.file;
  if (!file.exactText || s.decoratorKind !== "pytest" || s.scope !== "function") return null;
  const users = ctx.usersOf(s);
  if (!users.length || users.some((u) => !ctx.anyio.isAnyioTest(u))) return null;
  if (!/^def\s/.test(file.text.slice(s.func.defSpan.start))) return null;
  return {
    title: `Make \`${s.name}\` an async fixture so it runs in anyio's runner task`,
    edits: [{ path: file.path, start: s.func.defSpan.start, end: s.func.defSpan.start, text: "async " }],
    applicability: "safe"
  };
}

// src/rules/anyio/AN408.ts
var DID_NOT_STOP = "RuntimeError: Async generator fixture did not stop";
var AN408 = {
  meta: {
    code: "AN408",
    name: "asyncgen-fixture-yield-count",
    severity: "error",
    plugin: "anyio",
    summary: "An async generator fixture run by anyio can reach `yield` more than once, or not at all.",
    fixable: true,
    docs: {
      what: "Flags an async generator fixture that anyio runs when a path through it reaches `yield` twice \u2014 a `yield` inside a loop whose iteration does not end after it (a retry loop), or two `yield`s one after the other \u2014 or when every `yield` sits under an `if` with no `else`, so setup can finish without yielding.",
      why: "anyio drives an async generator fixture exactly once to its `yield` for setup and once more for teardown, and expects it to finish then. A second `yield` means the teardown never completes: `RuntimeError: Async generator fixture did not stop`, reported as an error at teardown after the test itself passed (a retry loop first closes the resource, then loops, reconnects and yields again). No `yield` at all gives an error at setup with a bare `StopAsyncIteration` (`RuntimeError: Async generator did not yield` on anyio 3.0\u20133.5).",
      versions: "Every anyio version with the pytest plugin. For a retry loop the fix leaves the loop with `break` once setup succeeded, raises from the loop\u2019s `else:` when every attempt failed, and yields once after the loop.",
      bad: `@pytest.fixture
async def connection(broker):
    for attempt in range(3):
        try:
            conn = await broker.connect()
        except ConnectionRefusedError:
            await anyio.sleep(0.01 * (attempt + 1))
            continue
        yield conn
        await conn.close()`,
      good: `@pytest.fixture
async def connection(broker):
    for attempt in range(3):
        try:
            conn = await broker.connect()
            break
        except ConnectionRefusedError:
            await anyio.sleep(0.01 * (attempt + 1))
    else:
        raise ConnectionRefusedError("broker never accepted a connection")
    yield conn
    await conn.close()`
    }
  },
  check(ctx) {
    const inScope = new Set(ctx.fixturesInScope());
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture;
      if (!fx || !inScope.has(fx) || !fx.func.isGenerator) continue;
      const problem = yieldProblem(fx);
      if (problem) report9(ctx, fx, problem);
    }
  }
};
function headerAbove(fx, line, indent) {
  const file = fx.file;
  for (let l = line - 1; l > fx.func.defSpan.endLine; l--) {
    const t = lineText(file, l);
    if (isBlank(t) || /^\s*#/.test(t)) continue;
    if (indentOf(t).length < indent) return l;
  }
  return null;
}
function enclosing(fx, line) {
  const file = fx.file;
  const headers = [];
  let indent = indentOf(lineText(file, line)).length;
  let l = line;
  for (; ; ) {
    const h = headerAbove(fx, l, indent);
    if (h === null) break;
    headers.push(h);
    indent = indentOf(lineText(file, h)).length;
    l = h;
  }
  return { headers };
}
var LOOP = /^\s*(async\s+)?(for|while)\b/;
var EXITS = /^\s*(break|return|raise)\b/;
function yieldProblem(fx) {
  const file = fx.file;
  const ys = fx.func.facts.yields;
  if (!ys.length) return null;
  for (const y of ys) {
    if (!y.inLoop) continue;
    const { headers } = enclosing(fx, y.span.line);
    const loopLine = headers.find((h) => LOOP.test(lineText(file, h)));
    if (!loopLine) continue;
    let exits = false;
    let at = y.span.line;
    for (const h of headers) {
      const after = statementsIn(file, h + 1, blockEnd(file, h)).filter((s) => s.first > at);
      if (after.some((s) => EXITS.test(lineText(file, s.first)))) {
        exits = true;
        break;
      }
      if (h === loopLine) break;
      at = blockEnd(file, h);
    }
    if (!exits) return { kind: "loop", y, loopLine };
  }
  const plain = ys.filter((y) => !y.conditional && !y.inLoop);
  if (plain.length >= 2) return { kind: "twice", a: plain[0], b: plain[1] };
  for (let i2 = 0; i2 < ys.length; i2++) {
    for (let j = i2 + 1; j < ys.length; j++) {
      const a = ys[i2];
      const b = ys[j];
      if (a.inLoop || b.inLoop) continue;
      const ha = enclosing(fx, a.span.line).headers[0];
      const hb = enclosing(fx, b.span.line).headers[0];
      if (ha !== void 0 && ha === hb && indentOf(lineText(file, a.span.line)) === indentOf(lineText(file, b.span.line))) {
        const between = statementsIn(file, a.span.line + 1, b.span.line - 1);
        if (!between.some((s) => EXITS.test(lineText(file, s.first)))) return { kind: "twice", a, b };
      }
    }
  }
  if (ys.every((y) => y.conditional && !y.inLoop)) {
    const y = ys[0];
    const h = enclosing(fx, y.span.line).headers[0];
    if (h === void 0 || !/^\s*(if|elif)\b/.test(lineText(file, h))) return null;
    const hIndent = indentOf(lineText(file, h));
    let l = h;
    while (/^\s*elif\b/.test(lineText(file, l))) {
      const prev = headerAbove(fx, l, hIndent.length + 1);
      if (prev === null) break;
      l = prev;
    }
    let clause = l;
    while (clause !== null) {
      const end = blockEnd(file, clause);
      let next = null;
      for (let k = end + 1; k <= file.lineStarts.length; k++) {
        const t = lineText(file, k);
        if (isBlank(t) || /^\s*#/.test(t)) continue;
        if (indentOf(t) === hIndent && /^\s*(elif\b|else\s*:)/.test(t)) next = k;
        break;
      }
      if (next !== null && /^\s*else\s*:/.test(lineText(file, next))) return null;
      clause = next;
    }
    return { kind: "none", y, ifLine: l };
  }
  return null;
}
function report9(ctx, fx, p) {
  const file = fx.file;
  const fix = p.kind === "loop" ? retryLoopFix(fx, p.y, p.loopLine) : null;
  const old = ctx.anyio.versionsBelow("3.6").length;
  let what;
  if (p.kind === "loop")
    what = `its \`yield\` (line ${p.y.span.line}) is inside the loop on line ${p.loopLine}, and nothing ends the iteration after it: after the test, teardown resumes the generator, runs the rest of the iteration and loops on to the next \`yield\`. The test passes and then errors at teardown with \`${DID_NOT_STOP}\`.`;
  else if (p.kind === "twice")
    what = `it reaches \`yield\` on line ${p.a.span.line} and again on line ${p.b.span.line}: teardown stops at the second one, so the test passes and then errors at teardown with \`${DID_NOT_STOP}\`.`;
  else
    what = `its only \`yield\` (line ${p.y.span.line}) is under the \`if\` on line ${p.ifLine}, which has no \`else\`: when the condition is false setup ends without yielding and every test using it errors at setup with a bare \`StopAsyncIteration\`` + (old ? ` (\`RuntimeError: Async generator did not yield\` on anyio 3.0\u20133.5)` : "") + ".";
  ctx.report({
    path: file.path,
    span: fx.func.anchor,
    symbol: fixtureSymbol(fx),
    message: `anyio drives an async generator fixture once for setup and once for teardown (${describeRange(ctx.project.versions.anyio)}), so \`${fx.name}\` must reach exactly one \`yield\`, but ${what} ` + (p.kind === "loop" ? "Leave the loop once setup succeeded (`break`), raise when every attempt failed, and yield once after the loop." : p.kind === "twice" ? "Keep a single `yield`." : "Yield on every path (or raise / `pytest.skip()` in the `else` branch)."),
    ...fix ? { fix } : {}
  });
}
function retryLoopFix(fx, y, loopLine) {
  const file = fx.file;
  if (!file.exactText || !/^\s*for\b.*:\s*(#.*)?$/.test(lineText(file, loopLine))) return null;
  const loopEnd = blockEnd(file, loopLine);
  const body2 = statementsIn(file, loopLine + 1, loopEnd);
  const yi = body2.findIndex((s) => s.first === y.span.line);
  if (yi < 2) return null;
  const tryStmt = body2[yi - 2];
  const exceptStmt = body2[yi - 1];
  if (!/^\s*try\s*:\s*(#.*)?$/.test(lineText(file, tryStmt.first))) return null;
  const em = /^\s*except\s+([A-Za-z_][\w.]*)(\s+as\s+\w+)?\s*:\s*(#.*)?$/.exec(lineText(file, exceptStmt.first));
  if (!em) return null;
  if (body2.some((s, i2) => i2 !== yi - 1 && /^\s*(except|else|finally)\b/.test(lineText(file, s.first)))) return null;
  if (/\bbreak\b/.test(linesOf(file, loopLine + 1, loopEnd).join("\n"))) return null;
  const loopIndent = indentOf(lineText(file, loopLine));
  for (let k = loopEnd + 1; k <= file.lineStarts.length; k++) {
    const t = lineText(file, k);
    if (isBlank(t)) continue;
    if (indentOf(t) === loopIndent && /^\s*else\s*:/.test(t)) return null;
    break;
  }
  const tryBody = statementsIn(file, tryStmt.first + 1, tryStmt.last);
  const exceptBody = statementsIn(file, exceptStmt.first + 1, exceptStmt.last);
  const lastExcept = exceptBody[exceptBody.length - 1];
  if (!tryBody.length || !lastExcept || !/^\s*continue\s*(#.*)?$/.test(lineText(file, lastExcept.first))) return null;
  const eol = eolOf2(file);
  const step = indentStep(file);
  const tryIndent = tryBody[0].indent;
  const exc = em[1];
  const setupText = linesOf(file, tryStmt.first + 1, tryStmt.last).join("\n");
  const connect = /\bawait\s+([A-Za-z_]\w*)\.connect\s*\(/.exec(setupText);
  const rangeN = /\bin\s+range\(\s*(\d+)\s*\)/.exec(lineText(file, loopLine));
  const reason = connect ? `${connect[1]} never accepted a connection` : rangeN ? `gave up after ${rangeN[1]} attempts` : "no attempt succeeded";
  const q = preferredQuote2(file);
  const out2 = [];
  out2.push(...linesOf(file, loopLine, tryStmt.last));
  out2.push(`${tryIndent}break`);
  const keepContinue = exceptBody.length === 1;
  out2.push(...linesOf(file, exceptStmt.first, keepContinue ? exceptStmt.last : lastExcept.first - 1).filter((l, i2, all) => !(i2 === all.length - 1 && isBlank(l))));
  out2.push(`${loopIndent}else:`);
  out2.push(`${loopIndent}${step}raise ${exc}(${pyString(reason, q)})`);
  out2.push(moveLines(file, y.span.line, loopEnd, body2[yi].indent, loopIndent));
  return {
    title: `Yield once after the retry loop in \`${fx.name}\``,
    edits: [replaceLines(file, loopLine, loopEnd, out2.join(eol))],
    applicability: "safe"
  };
}

// src/rules/groups/an-body.ts
var AN_BODY_RULES = [AN201, AN202, AN401, AN402, AN403, AN404, AN405, AN406, AN407, AN408];

// src/rules/loopscope/LS001.ts
var SYNTAX_CODE = "LS001";
var LS001 = {
  code: "LS001",
  name: "syntax-error",
  severity: "info",
  plugin: "loopscope",
  summary: "A file does not parse as Python; the parts that parsed were still analysed.",
  fixable: false,
  docs: {
    what: "Reports, once per file, the first place where tree-sitter could not parse the file (and how many more there are).",
    why: "Loopscope never gives up on a file with a syntax error: it analyses what parsed. Findings inside the broken region may be missing, so the report says so instead of staying silent.",
    versions: "All versions.",
    bad: `@pytest.mark.asyncio
async def test_x(:
    ...`,
    good: `@pytest.mark.asyncio
async def test_x():
    ...`
  }
};
function syntaxErrorFindings(files) {
  const out2 = [];
  for (const f of files) {
    const first = f.syntaxErrors[0];
    if (!first) continue;
    const more = f.syntaxErrors.length - 1;
    out2.push({
      code: SYNTAX_CODE,
      name: "syntax-error",
      severity: "info",
      path: f.path,
      line: first.line,
      endLine: first.line,
      column: first.col,
      message: `This file does not parse as Python here${more > 0 ? ` (and in ${more} more place${more > 1 ? "s" : ""})` : ""}; Loopscope analysed the parts that did, so findings in the broken region may be missing.`,
      symbol: `syntax:${f.path}`,
      related: [],
      docsUrl: docsUrl(SYNTAX_CODE),
      involves: []
    });
  }
  return out2;
}

// src/rules/loopscope/LS002.ts
var LS002 = {
  code: "LS002",
  name: "unused-noqa",
  severity: "info",
  plugin: "loopscope",
  summary: "A `# noqa` comment names a Loopscope code that reports nothing on that line.",
  fixable: true,
  docs: {
    what: "Flags `# noqa: CODE` comments whose Loopscope codes (PA\u2026, AN\u2026, HY\u2026, LS\u2026) suppress no finding on the line they sit on. Codes of other tools are left alone.",
    why: "Stale suppressions hide the next real problem on that line and mislead readers about what is wrong there.",
    versions: "All versions.",
    bad: `@pytest.mark.asyncio(loop_scope="session")  # noqa: PA104
async def test_x(pool): ...`,
    good: `@pytest.mark.asyncio(loop_scope="session")
async def test_x(pool): ...`
  }
};
var NOQA = /#\s*noqa(?::[ \t]*([A-Za-z]+[0-9]+(?:[ \t]*,?[ \t]*[A-Za-z]+[0-9]+)*))?/i;
var OWN_CODE = /^(PA|AN|HY|LS)\d{3}$/;
function commentsOf(text) {
  const out2 = /* @__PURE__ */ new Map();
  if (!/noqa/i.test(text)) return out2;
  const starts = lineStartsOf(text);
  for (let i2 = 0; i2 < starts.length; i2++) {
    const s = starts[i2];
    const e = i2 + 1 < starts.length ? starts[i2 + 1] : text.length;
    const line = text.slice(s, e);
    const m = NOQA.exec(line);
    if (!m) continue;
    const codes = m[1] ? m[1].split(/[\s,]+/).filter(Boolean).map((c2) => c2.toUpperCase()) : null;
    out2.set(i2 + 1, { line: i2 + 1, start: s + m.index, end: s + m.index + m[0].length, codes, used: /* @__PURE__ */ new Set() });
  }
  return out2;
}
function applyNoqa(findings, read, checkUnusedIn, perFileIgnored, isEnabled) {
  const cache = /* @__PURE__ */ new Map();
  const comments = (p) => {
    let c2 = cache.get(p);
    if (!c2) {
      c2 = commentsOf(read(p) ?? "");
      cache.set(p, c2);
    }
    return c2;
  };
  const kept = [];
  for (const f of findings) {
    if (perFileIgnored(f.path, f.code)) continue;
    const cs = comments(f.path);
    let suppressed2 = false;
    for (let l = f.line; l <= f.endLine; l++) {
      const c2 = cs.get(l);
      if (!c2) continue;
      if (c2.codes === null || c2.codes.includes(f.code)) {
        suppressed2 = true;
        c2.used.add(f.code);
      }
    }
    if (!suppressed2) kept.push(f);
  }
  for (const p of checkUnusedIn) {
    const text = read(p);
    if (text === null) continue;
    for (const c2 of comments(p).values()) {
      if (!c2.codes) continue;
      const ours = c2.codes.filter((x) => OWN_CODE.test(x) && isEnabled(x));
      const unused = ours.filter((x) => !c2.used.has(x));
      if (!unused.length || perFileIgnored(p, "LS002")) continue;
      const remaining = c2.codes.filter((x) => !unused.includes(x));
      let edit;
      if (remaining.length) {
        edit = { path: p, start: c2.start, end: c2.end, text: `# noqa: ${remaining.join(", ")}` };
      } else {
        let start2 = c2.start;
        while (start2 > 0 && (text[start2 - 1] === " " || text[start2 - 1] === "	")) start2--;
        edit = { path: p, start: start2, end: c2.end, text: "" };
      }
      kept.push({
        code: "LS002",
        name: LS002.name,
        severity: "info",
        path: p,
        line: c2.line,
        endLine: c2.line,
        column: c2.start - (text.lastIndexOf("\n", c2.start - 1) + 1) + 1,
        message: `\`# noqa\` names ${unused.map((u) => `\`${u}\``).join(", ")}, but Loopscope reports nothing ${unused.length > 1 ? "with those codes" : "with that code"} on this line; remove it so it cannot hide a future problem.`,
        symbol: `noqa:${p}:${unused.join(",")}:${text.slice(text.lastIndexOf("\n", c2.start - 1) + 1, c2.start).trim()}`,
        related: [],
        docsUrl: docsUrl("LS002"),
        fix: { title: "Remove the unused suppression", edits: [edit], applicability: "safe" },
        involves: []
      });
    }
  }
  return kept;
}

// src/rules/index.ts
var ALL_RULES = [
  PA101,
  PA102,
  PA104,
  PA105,
  PA108,
  ...PA_LOOP_RULES,
  ...PA_MARK_RULES,
  ...PA_MODE_RULES,
  ...AN_SCOPE_RULES,
  ...AN_BODY_RULES
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
var ALL_META = [...ALL_RULES.map((r) => r.meta), LS001, LS002].sort((a, b) => a.code.localeCompare(b.code));

// src/fix/apply.ts
var OverlappingEditsError = class extends Error {
};
function normalizeEdits(edits) {
  const sorted = edits.map((e, i2) => ({ e, i: i2 })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out2 = [];
  let prevEnd = -1;
  for (const { e } of sorted) {
    if (e.start < prevEnd) throw new OverlappingEditsError(`edits overlap at offset ${e.start} of ${e.path}`);
    out2.push(e);
    prevEnd = Math.max(prevEnd, e.end);
  }
  return out2;
}
function applyEdits(text, edits) {
  const sorted = normalizeEdits(edits);
  let out2 = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start > text.length || e.end > text.length || e.start < pos) throw new OverlappingEditsError(`edit out of range in ${e.path}`);
    out2 += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out2 + text.slice(pos);
}
function editsByPath(findings) {
  const out2 = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const f of findings) {
    for (const e of f.fix?.edits ?? []) {
      const key2 = `${e.path}\0${e.start}\0${e.end}\0${e.text}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      const list = out2.get(e.path) ?? [];
      list.push(e);
      out2.set(e.path, list);
    }
  }
  return out2;
}

// src/fix/verify.ts
var MAX_FIXES_ONE_BY_ONE = 40;
var key = (f) => `${f.code}\0${f.symbol}`;
function fixedTexts(src, edits) {
  const byPath = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const e of edits) {
    const k = `${e.path}\0${e.start}\0${e.end}\0${e.text}`;
    if (seen.has(k)) continue;
    seen.add(k);
    pushTo(byPath, e.path, e);
  }
  const out2 = /* @__PURE__ */ new Map();
  for (const [p, es] of byPath) out2.set(p, applyEdits(src.read(p) ?? "", es));
  return out2;
}
function overlaps(a, b) {
  if (a.path !== b.path) return false;
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || a.start === a.end && a.start > b.start && a.start < b.end || b.start === b.end && b.start > a.start && b.start < a.end;
}
function overlapGroups(findings) {
  const withFix = findings.filter((f) => f.fix);
  const parent = withFix.map((_, i2) => i2);
  const find = (i2) => parent[i2] === i2 ? i2 : parent[i2] = find(parent[i2]);
  const union = (i2, j) => {
    parent[find(i2)] = find(j);
  };
  const distinct = /* @__PURE__ */ new Map();
  withFix.forEach((f, i2) => {
    for (const e of f.fix.edits) {
      const k = `${e.path}\0${e.start}\0${e.end}\0${e.text}`;
      const d = distinct.get(k);
      if (d) d.owners.push(i2);
      else distinct.set(k, { e, owners: [i2] });
    }
  });
  const sorted = [...distinct.values()].sort((a, b) => a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : a.e.start - b.e.start);
  let active = [];
  for (const cur of sorted) {
    active = active.filter((x) => x.e.path === cur.e.path && x.e.end >= cur.e.start);
    for (const x of active) {
      if (overlaps(x.e, cur.e)) for (const o of [...x.owners, ...cur.owners]) union(o, cur.owners[0]);
    }
    active.push(cur);
  }
  const groups = /* @__PURE__ */ new Map();
  withFix.forEach((f, i2) => pushTo(groups, find(i2), f));
  return [...groups.values()].filter((g) => g.length > 1);
}
function verifyFixes(findings, src, reanalyse, notices) {
  if (!findings.some((f) => f.fix)) return findings;
  const before = new Set(findings.map(key));
  const resolves = (edits, targets) => {
    let texts;
    try {
      texts = fixedTexts(src, edits);
    } catch (e) {
      if (e instanceof OverlappingEditsError) return false;
      throw e;
    }
    const after = reanalyse(texts);
    const afterKeys = new Set(after.map(key));
    if (targets.some((f) => afterKeys.has(key(f)))) return false;
    return after.every((f) => before.has(key(f)));
  };
  const curedBy = (target) => {
    const edits = target.fix.edits;
    let texts;
    try {
      texts = fixedTexts(src, edits);
    } catch (e) {
      if (e instanceof OverlappingEditsError) return -1;
      throw e;
    }
    const after = reanalyse(texts);
    if (!after.every((f) => before.has(key(f)))) return -1;
    if (after.some((f) => key(f) === key(target))) return -1;
    return before.size - new Set(after.map(key)).size;
  };
  const withhold = (f, why) => {
    notices.push({ level: "info", internal: true, path: f.path, line: f.line, message: `the fix for ${f.code} ("${f.fix?.title}") ${why} and was withheld; the finding is still reported.` });
    const rest = { ...f };
    delete rest.fix;
    return rest;
  };
  let current = findings;
  for (const group of overlapGroups(findings)) {
    const winner = group.find((cand) => resolves(cand.fix.edits, group));
    current = current.map((f) => {
      if (!group.includes(f)) return f;
      if (winner) return { ...f, fix: { ...winner.fix, title: f === winner ? winner.fix.title : `${winner.fix.title} (also fixes ${f.code})` } };
      return withhold(f, "conflicts with the fix of another finding on the same code");
    });
  }
  const withFix = current.filter((f) => f.fix);
  if (!withFix.length) return current;
  if (resolves(withFix.flatMap((f) => f.fix.edits), withFix)) return current;
  if (withFix.length > MAX_FIXES_ONE_BY_ONE) {
    return current.map((f) => f.fix ? withhold(f, `did not verify together with the other ${withFix.length - 1} fixes (too many to try one by one)`) : f);
  }
  const rank2 = { error: 0, warning: 1, info: 2 };
  const cured = /* @__PURE__ */ new Map();
  for (const f of withFix) cured.set(f, curedBy(f));
  const ordered = [...withFix].sort((a, b) => cured.get(b) - cured.get(a) || rank2[a.severity] - rank2[b.severity]);
  const accepted = [];
  const rejected = /* @__PURE__ */ new Map();
  for (const f of ordered) {
    const trial = [...accepted, f];
    if (cured.get(f) === -1) rejected.set(f, "did not verify (it left its finding or introduced a new one)");
    else if (resolves(trial.flatMap((x) => x.fix.edits), trial)) accepted.push(f);
    else rejected.set(f, "works alone but not together with the fixes of other findings");
  }
  return current.map((f) => rejected.has(f) ? withhold(f, rejected.get(f)) : f);
}

// src/analyze.ts
var ASYNC_HINT = /\basync\b|\bawait\b|asyncio|anyio|trio|loop_scope|event_loop|pytest_asyncio|hypothesis/;
async function buildModel(opts) {
  const ws = new Workspace(opts.root);
  const project = loadProject(ws, opts.paths ?? [], opts.versionOverrides ?? {});
  const collect = { isTestFunction: project.isTestFunction, isTestClass: project.isTestClass };
  const selection = selectFiles(ws, project, opts.paths, opts.changed);
  const parser2 = await initParser();
  const suite = new Suite(project.rootdir);
  addBuiltinFixtures(suite, project);
  let parsed = 0;
  const parse2 = (rel, kind) => {
    const existing = suite.files.get(rel);
    if (existing) return existing;
    const rf = ws.readFile(rel);
    if (!rf) return null;
    const tree = parsePython(parser2, rf.text);
    try {
      parsed++;
      const file = extractFile(rel, rf.text, tree, kind, rf.exactText, collect);
      suite.addFile(file);
      return file;
    } finally {
      tree.delete();
    }
  };
  const pluginQueue = [];
  for (const c2 of selection.conftests) {
    const f = parse2(c2, "conftest");
    if (f?.pytestPlugins) pluginQueue.push(...f.pytestPlugins.names);
  }
  for (const init2 of selection.inits) parse2(init2, "init");
  const seenPlugins = /* @__PURE__ */ new Set();
  while (pluginQueue.length) {
    const mod = pluginQueue.shift();
    if (seenPlugins.has(mod)) continue;
    seenPlugins.add(mod);
    const rel = project.resolveModule(mod);
    if (!rel) continue;
    const f = parse2(rel, "plugin");
    if (f?.pytestPlugins) pluginQueue.push(...f.pytestPlugins.names);
  }
  const asyncNames = /* @__PURE__ */ new Set();
  const autouseDirs = [];
  for (const fx of suite.allFixtures()) {
    if (!fx.func.isAsync || fx.builtin) continue;
    asyncNames.add(fx.name);
    if (fx.autouse) autouseDirs.push(fx.file.kind === "conftest" ? path4.posix.dirname(fx.file.path) : "");
  }
  const nameRe = asyncNames.size ? new RegExp(`\\b(?:${[...asyncNames].map(escapeRe2).join("|")})\\b`) : null;
  const underAutouse = (rel) => autouseDirs.some((d) => d === "." || d === "" || rel.startsWith(d + "/"));
  const targets = /* @__PURE__ */ new Set();
  for (const rel of selection.tests) {
    const text = ws.read(rel);
    if (text === null) continue;
    if (!ASYNC_HINT.test(text) && !(nameRe && nameRe.test(text)) && !underAutouse(rel)) continue;
    const f = parse2(rel, "test");
    if (f) targets.add(rel);
  }
  for (const rel of targets) {
    for (const mod of suite.files.get(rel)?.pytestPlugins?.names ?? []) {
      const p = project.resolveModule(mod);
      if (p) parse2(p, "plugin");
    }
  }
  for (const c2 of selection.conftests) if (selection.reportConftests.has(c2)) targets.add(c2);
  for (const c2 of selection.inits) targets.add(c2);
  return { ws, project, suite, targets, selection, parser: parser2, collect, filesRead: selection.tests.length + selection.conftests.length, filesParsed: parsed };
}
async function analyze(opts) {
  const t0 = performance.now();
  const model = await buildModel(opts);
  const { ws, project, suite, targets, selection, parser: parser2, collect } = model;
  const run2 = (s, targetSet) => {
    const ctx = new RuleContext(s, project, targetSet);
    for (const rule of ALL_RULES) {
      if (!project.isRuleEnabled(rule.meta.code, opts.select, opts.ignore)) continue;
      ctx.run(rule);
    }
    return ctx.findings;
  };
  let findings = run2(suite, targets);
  findings.push(...syntaxErrorFindings([...targets].map((t) => suite.files.get(t)).filter((f) => !!f)));
  const verifyNotices = [];
  if (opts.verifyFixes !== false) {
    findings = verifyFixes(findings, ws, (overrides) => reanalyse(overrides), verifyNotices);
  }
  const noqaEnabled = project.isRuleEnabled("LS002", opts.select, opts.ignore);
  findings = applyNoqa(findings, (p) => ws.read(p), noqaEnabled ? targets : [], project.perFileIgnored, (code) => project.isRuleEnabled(code, opts.select, opts.ignore));
  if (opts.changed) findings = filterForChange(findings, opts.changed, selection.configChanged);
  findings.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.code.localeCompare(b.code));
  const sources = /* @__PURE__ */ new Map();
  for (const f of findings) {
    for (const p of [f.path, ...f.fix?.edits.map((e) => e.path) ?? [], ...f.related.map((r) => r.path)]) {
      if (!sources.has(p)) {
        const t = ws.read(p);
        if (t !== null) sources.set(p, t);
      }
    }
  }
  const notices = [...project.notices, ...ws.notices];
  const out2 = findings.map(({ involves: _involves, ...f }) => f);
  return {
    findings: out2,
    notices,
    diagnostics: verifyNotices,
    sources,
    stats: { filesRead: model.filesRead, filesParsed: model.filesParsed, ms: Math.round(performance.now() - t0) },
    project
  };
  function reanalyse(overrides) {
    const s2 = new Suite(project.rootdir);
    addBuiltinFixtures(s2, project);
    const reparsed = [];
    for (const f of suite.files.values()) {
      const text = overrides.get(f.path);
      if (text === void 0) {
        s2.addFile(f);
        continue;
      }
      const tree = parsePython(parser2, text);
      try {
        const file = extractFile(f.path, text, tree, f.kind, true, collect);
        s2.addFile(file);
        reparsed.push(file);
      } finally {
        tree.delete();
      }
    }
    const created = [];
    for (const [p, text] of overrides) {
      if (suite.files.has(p) || !p.endsWith(".py")) continue;
      const tree = parsePython(parser2, text);
      try {
        const file = extractFile(p, text, tree, path4.posix.basename(p) === "conftest.py" ? "conftest" : "test", true, collect);
        s2.addFile(file);
        reparsed.push(file);
        created.push(p);
      } finally {
        tree.delete();
      }
    }
    const p2 = [...overrides.keys()].some((k) => !suite.files.has(k)) ? project.withOverrides(overrides) : project;
    const onlyTests = [...overrides.keys()].every((k) => suite.files.get(k)?.kind === "test");
    const scope = onlyTests ? /* @__PURE__ */ new Set([...overrides.keys(), ...[...targets].filter((t) => suite.files.get(t)?.kind !== "test")]) : /* @__PURE__ */ new Set([...targets, ...created]);
    const ctx = new RuleContext(s2, p2, scope);
    for (const rule of ALL_RULES) {
      if (!project.isRuleEnabled(rule.meta.code, opts.select, opts.ignore)) continue;
      ctx.run(rule);
    }
    return [...ctx.findings, ...syntaxErrorFindings(reparsed)];
  }
}
function escapeRe2(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function filterForChange(findings, changed, configChanged) {
  if (configChanged) return findings;
  const set = new Set(changed);
  return findings.filter((f) => set.has(f.path) || f.related.some((r) => set.has(r.path)) || f.involves.some((p) => set.has(p)) || (f.fix?.edits.some((e) => set.has(e.path)) ?? false));
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path6, added, removed, oldPosInc, options) {
    const last = path6.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path6.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path6.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i2 = 0; i2 < array.length; i2++) {
      if (array[i2]) {
        ret.push(array[i2]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i2) {
            const oldValue = oldTokens[oldPos + i2];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i2 = 0; i2 < linesAndNewlines.length; i2++) {
    const line = linesAndNewlines[i2];
    if (i2 % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i2 = 0; i2 < diff.length; i2++) {
      const current = diff[i2], lines = current.lines || splitLines2(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i2 - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i2 < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i2 = 0; i2 < hunk.lines.length; i2++) {
        if (hunk.lines[i2].endsWith("\n")) {
          hunk.lines[i2] = hunk.lines[i2].slice(0, -1);
        } else {
          hunk.lines.splice(i2 + 1, 0, "\\ No newline at end of file");
          i2++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines2(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/fix/blocks.ts
function lineOfOffset(text, offset) {
  let line = 1;
  for (let i2 = text.indexOf("\n"); i2 !== -1 && i2 < offset; i2 = text.indexOf("\n", i2 + 1)) line += 1;
  return line;
}
function lineStarts(text) {
  const starts = [0];
  for (let i2 = text.indexOf("\n"); i2 !== -1; i2 = text.indexOf("\n", i2 + 1)) starts.push(i2 + 1);
  return starts;
}
function splitLines3(block) {
  if (block === "") return [];
  return block.replace(/\r?\n$/, "").split(/\r?\n/);
}
function lineBlock(path6, text, edits) {
  if (edits.length === 0) throw new Error("lineBlock needs at least one edit");
  const starts = lineStarts(text);
  const hasFinalNewline = text.endsWith("\n");
  let from = Math.min(...edits.map((e) => e.start));
  let to = Math.max(...edits.map((e) => e.end));
  const endOffset = to > from && text[to - 1] === "\n" ? to - 1 : to;
  const lastLine = Math.max(1, hasFinalNewline ? starts.length - 1 : starts.length);
  const startLine = Math.min(lineOfOffset(text, from), lastLine);
  const endLine = Math.max(Math.min(lineOfOffset(text, endOffset), lastLine), startLine);
  from = starts[startLine - 1] ?? 0;
  to = starts[endLine] ?? text.length;
  const newText = applyEdits(text, edits);
  const delta = newText.length - text.length;
  return {
    path: path6,
    startLine,
    endLine,
    oldLines: splitLines3(text.slice(from, to)),
    newLines: splitLines3(newText.slice(from, to + delta))
  };
}
var MAX_EDIT_LENGTH = 400;
function blockDiff(path6, text, block, context = 2) {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const firstCtx = Math.max(1, block.startLine - context);
  const before = lines.slice(firstCtx - 1, block.startLine - 1);
  const lastLine = text.endsWith("\n") ? lines.length - 1 : lines.length;
  const after = lines.slice(block.endLine, Math.min(lastLine, block.endLine + context));
  const oldText = [...before, ...block.oldLines, ...after].map((l) => `${l}
`).join("");
  const newText = [...before, ...block.newLines, ...after].map((l) => `${l}
`).join("");
  const offset = firstCtx - 1;
  const header = [`--- a/${path6}`, `+++ b/${path6}`];
  const patch = structuredPatch("a", "b", oldText, newText, "", "", {
    context,
    maxEditLength: MAX_EDIT_LENGTH
  });
  if (!patch) {
    const oldCount = before.length + block.oldLines.length + after.length;
    const newCount = before.length + block.newLines.length + after.length;
    return [
      ...header,
      `@@ -${firstCtx},${oldCount} +${firstCtx},${newCount} @@`,
      ...before.map((l) => ` ${l}`),
      ...block.oldLines.map((l) => `-${l}`),
      ...block.newLines.map((l) => `+${l}`),
      ...after.map((l) => ` ${l}`)
    ].join("\n");
  }
  const out2 = header;
  for (const h of patch.hunks) {
    const oldStart = h.oldLines === 0 ? h.oldStart : h.oldStart + offset;
    const newStart = h.newLines === 0 ? h.newStart : h.newStart + offset;
    out2.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`, ...h.lines);
  }
  return out2.join("\n");
}

// src/report/text.ts
var c = (on, code, s) => on ? `\x1B[${code}m${s}\x1B[0m` : s;
function fixDiff(f, sources, displayPath) {
  if (!f.fix) return "";
  const byPath = /* @__PURE__ */ new Map();
  for (const e of f.fix.edits) pushTo(byPath, e.path, e);
  let out2 = "";
  for (const [p, edits] of byPath) {
    try {
      out2 += blockDiff(displayPath(p), sources.get(p) ?? "", lineBlock(p, sources.get(p) ?? "", edits), 1) + "\n";
    } catch {
      continue;
    }
  }
  return out2;
}
function formatText(findings, notices, sources, o) {
  const lines = [];
  for (const n of notices) {
    const where2 = n.path ? `${o.displayPath(n.path)}${n.line ? `:${n.line}` : ""}: ` : "";
    lines.push(`${c(o.color, "33", n.level)}: ${where2}${n.message}`);
  }
  for (const f of findings) {
    const sev = f.severity === "error" ? c(o.color, "31;1", f.code) : f.severity === "warning" ? c(o.color, "33;1", f.code) : c(o.color, "36;1", f.code);
    lines.push(`${c(o.color, "1", `${o.displayPath(f.path)}:${f.line}:${f.column}`)}: ${sev} ${f.message}`);
    for (const r of f.related) lines.push(`  ${c(o.color, "2", `${o.displayPath(r.path)}:${r.line}`)}: ${r.message}`);
    lines.push(`  ${c(o.color, "2", `docs: ${f.docsUrl}`)}`);
    if (f.fix && o.showFixes) {
      lines.push(`  ${c(o.color, "32", `fix: ${f.fix.title}`)}`);
      const d = fixDiff(f, sources, o.displayPath);
      for (const l of d.split("\n")) {
        if (!l) continue;
        const colored = l.startsWith("+") && !l.startsWith("+++") ? c(o.color, "32", l) : l.startsWith("-") && !l.startsWith("---") ? c(o.color, "31", l) : l;
        lines.push(`    ${colored}`);
      }
    }
    lines.push("");
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const fixable = findings.filter((f) => f.fix?.applicability === "safe").length;
  if (findings.length) {
    lines.push(
      `Found ${findings.length} finding${findings.length === 1 ? "" : "s"} (${counts.error} error, ${counts.warning} warning, ${counts.info} info).` + (fixable ? ` ${fixable} fixable with \`loopscope check --fix\`.` : "")
    );
  } else {
    lines.push("All checks passed.");
  }
  return lines.join("\n") + "\n";
}

// src/report/json.ts
function toJson(findings, sources, displayPath) {
  const starts = /* @__PURE__ */ new Map();
  const pos = (p, off) => {
    let s = starts.get(p);
    if (!s) {
      s = lineStartsOf(sources.get(p) ?? "");
      starts.set(p, s);
    }
    const line = lineOf(s, off);
    return { line, column: off - s[line - 1] + 1 };
  };
  return findings.map((f) => ({
    code: f.code,
    name: f.name,
    severity: f.severity,
    path: displayPath(f.path),
    line: f.line,
    endLine: f.endLine,
    column: f.column,
    message: f.message,
    docsUrl: f.docsUrl,
    symbol: f.symbol,
    related: f.related.map((r) => ({ ...r, path: displayPath(r.path) })),
    fix: f.fix ? {
      title: f.fix.title,
      applicability: f.fix.applicability,
      edits: f.fix.edits.map((e) => ({ path: displayPath(e.path), start: pos(e.path, e.start), end: pos(e.path, e.end), content: e.text }))
    } : null
  }));
}

// src/rules/types.ts
var SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

// src/rules/docs.ts
var PLUGIN_TITLE = {
  "pytest-asyncio": "pytest-asyncio",
  anyio: "anyio / trio",
  hypothesis: "Hypothesis",
  loopscope: "Loopscope"
};
function renderRuleDoc(m) {
  const refs = m.docs.references?.length ? `
## References

${m.docs.references.map((r) => `- <${r}>`).join("\n")}
` : "";
  return `# ${m.code} ${m.name}

*${PLUGIN_TITLE[m.plugin]} \xB7 default severity: **${m.severity}** \xB7 fix: ${m.fixable ? "yes" : "no"}*

${m.summary}

## What it does

${m.docs.what}

## Why is this bad?

${m.docs.why}

## Versions affected

${m.docs.versions}

## Example

\`\`\`python
${m.docs.bad}
\`\`\`

## Use instead

\`\`\`python
${m.docs.good}
\`\`\`
${refs}
<!-- Generated from src/rules by \`npm run docs\`; edit the rule's metadata, not this file. -->
`;
}

// src/cli.ts
var VERSION = "0.1.0";
var HELP = `Usage: loopscope check [paths...] [options]
       loopscope rules [CODE]

Find event-loop and fixture-scope mistakes of pytest-asyncio and anyio in a pytest suite.

Options for check:
  --format <text|json|github>   output format (default: text)
  --select <CODES>              only these rule codes (comma-separated; a prefix like PA1 works)
  --ignore <CODES>              skip these rule codes
  --fix                         apply safe fixes in place
  --unsafe-fixes                with --fix, also apply fixes marked unsafe
  --fail-on <error|warning|info|never>
                                exit 1 when a finding at or above this severity remains (default: error)
  --changed <FILE>              PR mode: analyse what a change to FILE affects (repeatable)
  --pytest-asyncio-version <V>  assume this pytest-asyncio version (or specifier) instead of the pins
  --anyio-version <V>           assume this anyio version (or specifier)
  --no-fix-diff                 do not print fixes as diffs
  --no-color                    plain text
  -h, --help                    this help
  --version                     print the version

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or internal error.
Configuration: [tool.loopscope] in pyproject.toml (select, ignore, per-file-ignores, fail-on, versions).`;
var UsageError = class extends Error {
};
function splitCodes(v) {
  if (v === void 0) return void 0;
  const list = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean).map((s) => s.toUpperCase());
  return list.length ? list : void 0;
}
async function main(argv, io = {}) {
  const out2 = io.out ?? ((s) => void process.stdout.write(s));
  const err2 = io.err ?? ((s) => void process.stderr.write(s));
  try {
    return await mainInner(argv, out2, err2, io.cwd ?? process.cwd());
  } catch (e) {
    if (e instanceof UsageError) {
      err2(`loopscope: ${e.message}

${HELP}
`);
      return 2;
    }
    err2(`loopscope: internal error: ${e.stack ?? String(e)}
`);
    return 2;
  }
}
async function mainInner(argv, out2, err2, cwd) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        select: { type: "string", multiple: true },
        ignore: { type: "string", multiple: true },
        fix: { type: "boolean", default: false },
        "unsafe-fixes": { type: "boolean", default: false },
        "fail-on": { type: "string" },
        changed: { type: "string", multiple: true },
        "pytest-asyncio-version": { type: "string" },
        "anyio-version": { type: "string" },
        "no-fix-diff": { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false }
      }
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out2(`loopscope ${VERSION}
`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out2(`${HELP}
`);
    return command || values.help ? 0 : 2;
  }
  if (command === "rules") {
    const code = rest[0]?.toUpperCase();
    if (code) {
      const meta = ALL_META.find((m) => m.code === code);
      if (!meta) throw new UsageError(`unknown rule ${code}`);
      out2(renderRuleDoc(meta));
      return 0;
    }
    for (const m of ALL_META) out2(`${m.code}  ${m.severity.padEnd(7)}  ${m.name}: ${m.summary}
`);
    return 0;
  }
  if (command !== "check") throw new UsageError(`unknown command '${command}'`);
  const format = values.format;
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`--format must be text, json or github, not '${format}'`);
  const rel = (p) => {
    const r = path5.relative(cwd, path5.resolve(cwd, p)).split(path5.sep).join("/");
    if (normalizeRelPath(r) === null) throw new UsageError(`${p} is outside the current directory`);
    return r;
  };
  const paths = rest.map(rel);
  const changed = values.changed?.map(rel);
  const versionOverrides = {};
  if (values["pytest-asyncio-version"]) versionOverrides["pytest-asyncio"] = values["pytest-asyncio-version"];
  if (values["anyio-version"]) versionOverrides.anyio = values["anyio-version"];
  const select = splitCodes(values.select);
  const ignore = splitCodes(values.ignore);
  const run2 = () => analyze({
    root: cwd,
    paths,
    ...changed ? { changed } : {},
    ...select ? { select } : {},
    ...ignore ? { ignore } : {},
    versionOverrides
  });
  let result = await run2();
  const failOn = values["fail-on"] ?? result.project.loopscope.failOn ?? "error";
  if (!["error", "warning", "info", "never"].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never`);
  let fixedCount = 0;
  if (values.fix) {
    for (let round = 0; round < 5; round++) {
      const fixable = result.findings.filter((f) => f.fix && (f.fix.applicability === "safe" || values["unsafe-fixes"]));
      if (!fixable.length) break;
      const applied = applyFixes(fixable, result.sources, cwd);
      fixedCount += applied;
      if (!applied) break;
      result = await run2();
    }
  }
  const display = (p) => p;
  if (format === "json") {
    out2(JSON.stringify(toJson(result.findings, result.sources, display), null, 2) + "\n");
  } else if (format === "github") {
    for (const f of result.findings) out2(githubCommand(f));
  } else {
    const color = !values["no-color"] && !!process.stdout.isTTY && !process.env.NO_COLOR;
    out2(formatText(result.findings, result.notices, result.sources, { color, showFixes: !values["no-fix-diff"], displayPath: display }));
    if (values.fix) out2(`Fixed ${fixedCount} finding${fixedCount === 1 ? "" : "s"}.
`);
  }
  if (process.env.LOOPSCOPE_DEBUG) for (const n of result.diagnostics) err2(`debug: ${n.path ? `${n.path}:${n.line ?? 1}: ` : ""}${n.message}
`);
  if (format !== "text") for (const n of result.notices) err2(`${n.level}: ${n.path ? `${n.path}${n.line ? `:${n.line}` : ""}: ` : ""}${n.message}
`);
  if (failOn === "never") return 0;
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}
function applyFixes(findings, sources, root) {
  const taken = [];
  const ranges = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const edits = f.fix?.edits ?? [];
    const clash = edits.some((e) => (ranges.get(e.path) ?? []).some(([s, en]) => e.start < en && s < e.end && !(e.start === s && e.end === en)));
    if (clash) continue;
    taken.push(f);
    for (const e of edits) pushTo(ranges, e.path, [e.start, e.end]);
  }
  for (const [p, edits] of editsByPath(taken)) {
    const before = sources.get(p) ?? "";
    writeFileSync(path5.join(root, p), applyEdits(before, edits));
  }
  return taken.length;
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function githubCommand(f) {
  const level = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
  return `::${level} file=${escapeProperty(f.path)},line=${f.line},endLine=${f.endLine},col=${f.column},title=${escapeProperty(`${f.code} ${f.name}`)}::${escapeData(f.message)}
`;
}
var isMain = (() => {
  try {
    const invoked = process.argv[1] ? path5.resolve(process.argv[1]) : "";
    return invoked.endsWith("cli.js") || invoked.endsWith("cli.ts") || invoked.endsWith("loopscope");
  } catch {
    return false;
  }
})();
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
export {
  VERSION,
  main
};
