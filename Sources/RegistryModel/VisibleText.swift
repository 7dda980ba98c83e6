/// Text from the data made safe to show on a terminal: a message must not be able to clear
/// the screen, set the window title or reorder what the reader sees. Control characters (C0,
/// DEL, C1) are escaped as `\x1B` or `\u{85}`, and characters that print nothing or change the
/// direction of text (zero-width spaces and joiners, bidirectional marks, embeddings and
/// isolates, the byte-order mark, line and paragraph separators: the format characters) as
/// `\u{202E}`. Every message ianaconv prints goes through it (findings, warnings, errors, file
/// names); JSON and SARIF escape by their own rules. Escaping twice changes nothing more.
public enum VisibleText {
    /// `text` with every such character escaped; `keepingLineFeeds` leaves line feeds as they
    /// are (for messages of several lines).
    public static func escaped(_ text: String, keepingLineFeeds: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0A && keepingLineFeeds {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, digits: 2)
            } else if scalar.value >= 0x80 && isInvisible(scalar) {
                out += "\\u{" + hex(scalar.value, digits: scalar.value > 0xFF ? 4 : 2) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C1 controls and format characters (zero-width, bidirectional, U+FEFF), line and
    /// paragraph separators.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
