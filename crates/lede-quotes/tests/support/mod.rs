//! What the golden-file runners share: the escapes their data files use.

/// Expands `\n`, `\r`, `\t`, `\\` and `\u{XXXX}`.
pub fn unescape(raw: &str, line: usize) -> String {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest = chars.as_str();
                let close = rest.find('}').unwrap_or_else(|| panic!("line {line}: bad \\u escape"));
                let hex = &rest[1..close];
                let code = u32::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("line {line}: bad hex {hex}"));
                out.push(char::from_u32(code).unwrap_or_else(|| panic!("line {line}: bad code point {hex}")));
                chars = rest[close + 1..].chars();
            }
            other => panic!("line {line}: unknown escape \\{other:?}"),
        }
    }
    out
}

/// The inverse of `unescape` for the characters a reader cannot see.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}
