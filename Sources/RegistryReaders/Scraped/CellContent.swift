import RegistryLayoutKit
import ASCIIBytes
import RegistryModel

/// What a scraped cell looks like. Scrapes that drop empty cells (or every column boundary)
/// leave only the content to say which column a cell belongs to; these are the content classes
/// of the 12 columns, as IANA's data shows them.
struct CellContent {
    let text: String
    /// `N` or `N-M`.
    let isPortShaped: Bool
    let isProtocol: Bool
    /// `YYYY-MM` or `YYYY-MM-DD`.
    let isDateShaped: Bool
    let isDigits: Bool
    /// The labels when the text is only `[label]`s, else nil.
    let labels: [String]?
    var mentionsUnauthorizedUse: Bool

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        isDigits = ASCII.isDigits(bytes)
        isPortShaped = CellContent.isPortShaped(bytes)
        isProtocol = TransportProtocol(canonicalText: text) != nil
        isDateShaped = CellContent.isDateShaped(bytes)
        let scan = BracketScan(text)
        labels = scan.isLabelsOnly ? scan.labels : nil
        mentionsUnauthorizedUse = !CellContent.unauthorizedUseWords(in: bytes[...]).isEmpty
    }

    /// Several words of running text (collapsed layout): none of the one-word classes, so only
    /// the opening words (`text`) and whether the whole run mentions unauthorized use matter.
    /// Saves building and scanning every run of a long note.
    init(openingWords text: String, mentionsUnauthorizedUse: Bool) {
        self.text = text
        isPortShaped = false
        isProtocol = false
        isDateShaped = false
        isDigits = false
        labels = nil
        self.mentionsUnauthorizedUse = mentionsUnauthorizedUse
    }

    /// How plausible the text is as a cell of `column`, higher is better; nil when impossible.
    /// The weights are relative: a cell of a strict class (port, protocol, date) scores about
    /// 100 in its column, free text about 10. `dccpRow`: only DCCP records have service codes.
    func plausibility(as column: RegistryColumn, dccpRow: Bool) -> Int? {
        switch column {
        case .name:
            guard !isPortShaped, !isDateShaped, labels == nil, !text.utf8.contains(where: ASCII.isWhiteSpace) else { return nil }
            guard text.utf8.count <= 63 else { return nil }
            return ServiceName(canonicalText: text)?.isLegacy == false ? 80 : 30
        case .number:
            guard isPortShaped else { return nil }
            return PortRange(canonicalText: text) != nil ? 100 : 50
        case .transportProtocol:
            return isProtocol ? 100 : nil
        case .registrationDate, .modificationDate:
            return isDateShaped ? 100 : nil
        case .assignee, .contact:
            guard let labels, !labels.contains(where: CellContent.isReferenceLabel) else { return nil }
            let bonus = column == .assignee ? 10 : 0  // one person alone is the assignee
            return (labels.allSatisfy(CellContent.isPersonID) ? 70 : 10) + bonus
        case .reference:
            guard let labels else { return nil }
            if labels.contains(where: CellContent.isReferenceLabel) { return 90 }
            return labels.allSatisfy(CellContent.isPersonID) ? 20 : 50
        case .serviceCode:
            guard isDigits, ServiceCode(canonicalText: text) != nil else { return nil }
            return dccpRow ? 60 : 10
        case .description:
            // Every record has a description: free text alone is one, and it pays for its column.
            return freeTextPlausibility(usual: 45)
        case .unauthorizedUse:
            if labels != nil || isDateShaped { return nil }
            if mentionsUnauthorizedUse { return 80 }
            return text == "yes" ? 30 : -30
        case .notes:
            return freeTextPlausibility(usual: 10)
        }
    }

    /// Free text may be anything, but a cell shaped like another column's is rarely free text.
    private func freeTextPlausibility(usual: Int) -> Int {
        if labels != nil || isDateShaped { return -40 }
        if isDigits || isProtocol { return -20 }
        return usual
    }

    /// When free texts run together (collapsed text), how strongly the first words of `text`
    /// say it opens a cell of `column`. From IANA's registry (2026-08-17): 1,012 notes open
    /// with "Defined TXT keys", 210 with "This entry", none of the descriptions do; 105 of the
    /// 112 unauthorized-use texts open with "Known" or "Unauthorized".
    static func openingBonus(_ text: String, as column: RegistryColumn) -> Int {
        guard column == .notes || column == .unauthorizedUse else { return 0 }
        let lower = text.utf8.prefix(24).map(ASCII.lowercased)
        func opens(_ words: String) -> Bool { lower.starts(with: words.utf8) }
        if column == .notes { return noteOpenings.contains(where: opens) ? 45 : 0 }
        if opens("known ") { return 6 }  // before "Known UNAUTHORIZED", not after
        return opens("unauthori") || opens("unofficial") ? 5 : 0
    }

    private static let noteOpenings = [
        "defined txt keys", "this entry ", "this service name", "this port ", "previously assigned",
        "de-assigned", "formerly was", "new contact added", "historic usage",
    ]

    /// Columns whose cell may hold several scraped pieces (a `|` or spaces inside the text).
    static func isFreeText(_ column: RegistryColumn) -> Bool {
        column == .description || column == .unauthorizedUse || column == .notes
    }

    /// A label that only a Reference cell shows: an RFC, a draft, a footnote number.
    static func isReferenceLabel(_ label: String) -> Bool {
        let type = Xref.reference(label: label).type
        return type == .rfc || type == .draft || type == .note
    }

    /// A people-table id: one word of letters (any script), digits, `_`, `.`, `-`.
    static func isPersonID(_ label: String) -> Bool {
        !label.isEmpty && !label.utf8.contains { ASCII.isWhiteSpace($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }
    }

    private static func isPortShaped(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(ASCII.isDigit) }
    }

    private static func isDateShaped(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 7 || bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : ASCII.isDigit(byte)
        }
    }

    /// Every unauthorized-use text in IANA's registry (112 on 2026-08-17, but one "yes") says
    /// so in one of these words; no note or description does.
    private static let unauthorizedUseWords = ["unauthori", "unofficial", "without an assignment", "without assignment"]

    /// Where the words of unauthorized use occur in `bytes` (offsets into its base).
    static func unauthorizedUseWords(in bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let lower = bytes.map(ASCII.lowercased)
        for word in unauthorizedUseWords {
            let needle = Array(word.utf8)
            guard lower.count >= needle.count else { continue }
            for start in 0...(lower.count - needle.count)
            where lower[start] == needle[0] && lower[start..<(start + needle.count)].elementsEqual(needle) {
                found.append((bytes.startIndex + start)..<(bytes.startIndex + start + needle.count))
            }
        }
        return found
    }
}
