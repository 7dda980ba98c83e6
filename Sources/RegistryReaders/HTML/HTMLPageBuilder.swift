internal import LibXML2
import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// The HTML reader's state: which part of the page the parser is in (title, metadata list,
/// records table, people table, footnotes, pager) and the registry built so far.
struct HTMLPageBuilder: ParserClient {
    let input: InputFile
    private let bytes: UnsafeBufferPointer<UInt8>
    var parser = HTMLStreamParser()
    private var registry: Registry
    var diagnostics: [Diagnostic] = []
    private var libxmlMessages = 0

    private var tables: [Table] = []
    /// How many inert elements (`HTMLTag.inert`) are open: nothing in them is read.
    private var inertDepth = 0
    /// How many tables are open inside the open cell: their text is the cell's.
    private var tablesInCell = 0
    /// The end of the input, when a table was still open there (libxml2 closes it silently).
    private var cutShort: SourceLocation?
    private var row: [HTMLFragment] = []
    private var rowIsHeader = true
    private var rowLocation = SourceLocation(line: 0, column: 0)
    /// The content being collected and what it belongs to.
    private var fragment: HTMLFragment?
    private var owner = Owner.none
    private var term: String?
    private var sawRecordsTable = false
    private var sawPager = false
    /// libxml2 interns element names: each name seen, by address, with its tag.
    private var knownTags: [(UnsafePointer<UInt8>, HTMLTag)] = []

    /// Where a line starts, found incrementally: tags arrive in order, so the whole input is
    /// scanned once however long its lines (IANA's page puts the table on one 5 MB line).
    private var scanOffset = 0
    private var scanLine = 1
    private var scanLineStart = 0

    private enum Owner { case none, title, term, definition, cell, pager }

    private enum Table {
        case undecided(id: String?), records([RegistryColumn?]), people, footnotes, other
    }

    init(input: InputFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.bytes = bytes
        registry = Registry(sourceFiles: [input.displayName])
        // IANA's page spends about 360 bytes a record.
        registry.records.reserveCapacity(input.bytes.count / 300)
    }

    // MARK: events

    /// The tag for an element name, looked up by the name's address once it has been seen.
    /// A name found moves one place forward, so the page's commonest tags (td, tr, a) are
    /// soon found first.
    mutating func tag(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        if let found = knownTags.firstIndex(where: { $0.0 == name }) {
            let tag = knownTags[found].1
            if found > 0 { knownTags.swapAt(found, found - 1) }
            return tag
        }
        let tag = HTMLTag(name)
        if knownTags.count < 64 { knownTags.append((name, tag)) }
        return tag
    }

    mutating func startElement(_ tag: HTMLTag, attributes list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard inertDepth == 0, tag != .inert else {
            if tag == .inert { inertDepth += 1 }
            return
        }
        if tag == .table, owner == .cell, fragment != nil, tablesInCell == 0 {
            warn("a table inside a cell; its text is read as the cell's", at: tagLocation())
        }
        if tablesInCell > 0 || (tag == .table && owner == .cell && fragment != nil) {
            // A browser shows a table in a cell inside that cell: its rows are no rows of the
            // page's tables, and its cells' texts are the cell's, a blank apart.
            if tag == .table { tablesInCell += 1 }
            if tag == .td || tag == .th { fragment!.separate() }
            fragment!.start(tag == .table ? .other : tag, HTMLAttributes(list), at: tag == .a ? tagLocation() : fragment!.location)
            return
        }
        switch tag {
        case .table:
            closeFragment()
            let attributes = HTMLAttributes(list)
            tables.append(attributes.hasClass("fn") ? .footnotes : .undecided(id: attributes.id))
        case .tr where !tables.isEmpty:
            closeFragment()
            row.removeAll(keepingCapacity: true)
            rowIsHeader = true
            rowLocation = tagLocation()
        case .td where !tables.isEmpty, .th where !tables.isEmpty:
            closeFragment()
            if tag == .td { rowIsHeader = false }
            open(.cell)
        case .h1 where fragment == nil:
            open(.title)
        case .dt where fragment == nil || owner == .definition:
            closeFragment()
            open(.term)
        case .dd where fragment == nil || owner == .term:
            closeFragment()
            open(.definition)
        case .div where fragment == nil:
            let attributes = HTMLAttributes(list)
            if attributes.hasClass("pagination") { open(.pager) }
        default:
            guard fragment != nil else { return }
            let attributes = tag == .a || tag == .div || tag == .span ? HTMLAttributes(list) : HTMLAttributes()
            let location = tag == .a ? tagLocation() : fragment!.location
            fragment!.start(tag, attributes, at: location)
        }
    }

    mutating func endElement(_ tag: HTMLTag) {
        guard inertDepth == 0 else {
            if tag == .inert { inertDepth -= 1 }
            return
        }
        if tablesInCell > 0, tag == .table { tablesInCell -= 1 }
        if fragment != nil, fragment!.depth > 0 {
            fragment!.end()
            return
        }
        switch tag {
        case .td, .th:
            closeFragment()
        case .tr:
            closeFragment()
            if !tables.isEmpty, !row.isEmpty { endRow() }
        case .table:
            closeFragment()
            if !tables.isEmpty, cutShort == nil, tableClosedByTheEndOfInput() { cutShort = endLocation() }
            _ = tables.popLast()
        case .h1, .dt, .dd, .div:
            closeFragment()
        default:
            break
        }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if fragment != nil, inertDepth == 0 { fragment!.characters(text) }
    }

    private mutating func open(_ newOwner: Owner) {
        fragment = HTMLFragment(location: tagLocation())
        owner = newOwner
    }

    /// Ends the open fragment and files its content where it belongs.
    private mutating func closeFragment() {
        guard let content = fragment?.finish() else { return }
        fragment = nil
        tablesInCell = 0
        switch owner {
        case .title:
            let title = content.plainText.trimmed
            if registry.title == nil, !sawRecordsTable, !title.isEmpty { registry.title = title }
        case .term:
            term = content.plainText.trimmed
        case .definition:
            if let term { metadata(term, content) }
            term = nil
        case .pager:
            pager(content)
        case .cell:
            row.append(content)
        case .none:
            break
        }
        owner = .none
    }

    // MARK: metadata

    /// One `<dt>`/`<dd>` pair of the list above the table.
    private mutating func metadata(_ term: String, _ content: HTMLFragment) {
        switch term {
        case MetadataLabel.lastUpdated: registry.updated = Parsed(content.plainText.trimmed)
        case MetadataLabel.category: registry.category = content.plainText.trimmed
        case MetadataLabel.experts, "Expert", "Experts": registry.experts += content.blocksOrContent
        case MetadataLabel.reference, "References": registry.references += xrefs(content, column: term)
        case MetadataLabel.note, "Notes", "Note(s)": registry.notes += content.blocksOrContent.map { RegistryNote(text: $0) }
        case MetadataLabel.availableFormats: break
        default: registry.notes += content.blocksOrContent.map { RegistryNote(title: term, text: $0) }
        }
    }

    /// The pager of a served page: ` 1 <a>2</a> … <a>137</a>`, the current page as plain text.
    private mutating func pager(_ content: HTMLFragment) {
        guard !sawPager else { return }
        sawPager = true
        var current: String?
        var last = 0
        for inline in content.richText.content {
            switch inline {
            case .text(let text):
                current = current ?? text.split(separator: " ").first { Int($0) != nil }.map(String.init)
            case .xref(let xref):
                last = max(last, Int(xref.label.trimmed) ?? 0)
            default: break
            }
        }
        let which = current.map { "page \($0)" + (last > 0 ? " of \(max(last, Int($0) ?? 0))" : "") } ?? "a page"
        warn(
            "this is \(which) of the registry as iana.org serves it (a pager was seen): it holds only part of the registry; give all its pages together to read the whole",
            at: content.location)
    }

    // MARK: tables

    private mutating func endRow() {
        let cells = row
        row.removeAll(keepingCapacity: true)
        switch tables[tables.count - 1] {
        case .undecided(let id):
            if rowIsHeader {
                tables[tables.count - 1] = classify(header: cells.map { $0.plainText.trimmed }, id: id)
            } else if let id, id.hasPrefix("table-") {
                // IANA's id without a header row: the columns in IANA's order.
                warn("the records table has no header row; its columns are read in IANA's order", at: rowLocation)
                tables[tables.count - 1] = recordsTable(RegistryColumn.allCases, id: id)
                record(cells)
            } else {
                tables[tables.count - 1] = .other
            }
        case .records:
            if !rowIsHeader { record(cells) }
        case .people:
            if !rowIsHeader { person(cells) }
        case .footnotes:
            footnote(cells)
        case .other:
            break
        }
    }

    /// Decides what a table is from its header row: the records table has IANA's column names
    /// (in any order, either name of column 11), the people table ID … Contact URI.
    private mutating func classify(header: [String], id: String?) -> Table {
        let columns = header.map(RegistryColumn.init(title:))
        let isRecords = id.map { $0.hasPrefix("table-") && columns.contains { $0 != nil } } ?? false
            || [.name, .number, .transportProtocol, .description].allSatisfy(columns.contains)
        if isRecords {
            for (index, name) in header.enumerated() where columns[index] == nil {
                warn("the records table's column \(index + 1) (\"\(name)\") is not one of IANA's; its cells are ignored", at: rowLocation)
            }
            return recordsTable(columns, id: id)
        }
        if header.first == PeopleColumn.id.title, header.contains(PeopleColumn.contactURI.title) {
            registry.people = registry.people ?? []
            return .people
        }
        return .other
    }

    private mutating func recordsTable(_ columns: [RegistryColumn?], id: String?) -> Table {
        sawRecordsTable = true
        if registry.id == nil, let id, id.hasPrefix("table-") { registry.id = String(id.dropFirst(6)) }
        return .records(columns)
    }

    private mutating func record(_ cells: [HTMLFragment]) {
        guard case .records(let columns) = tables[tables.count - 1] else { return }
        if cells.count != columns.count {
            warn("a records row has \(cells.count) cells where the header has \(columns.count); \(cells.count < columns.count ? "the missing ones are read as empty" : "the extra ones are ignored")", at: rowLocation)
        }
        var row = RecordRow(location: rowLocation)
        for (cell, column) in zip(cells, columns) {
            guard let column else { continue }
            switch column.content {
            case .value: row.set(column, text: cell.value, at: cell.location)
            case .richText: row.set(column, richText: cell.richText, at: cell.location)
            case .notes: row.set(notes: cell.blocksOrContent, at: cell.location)
            case .people, .references: row.set(column, xrefs: xrefs(cell, column: column.title), at: cell.location)
            }
        }
        registry.records.append(row.record())
    }

    /// The xrefs of a cell; text outside `[…]` is kept as a text xref, with a warning.
    private mutating func xrefs(_ cell: HTMLFragment, column: String) -> [Xref] {
        var (xrefs, stray) = cell.xrefs()
        if !stray.isEmpty {
            warn("text outside [brackets] in the \(column) cell (\"\(stray)\"); kept as a text reference", at: cell.location)
            xrefs.append(Xref(type: .text, text: stray, location: cell.location))
        }
        return xrefs
    }

    /// A row of the people table: ID (an anchor), Name, Organization, Contact URI, Last Updated.
    private mutating func person(_ cells: [HTMLFragment]) {
        // IANA's 2015 pages leave out the ID cell of a person with a name only.
        let hasIDCell = cells.count >= 5 || cells.first?.anchor != nil
        let fields = hasIDCell ? Array(cells.dropFirst()) : cells
        func field(_ index: Int) -> HTMLFragment? { index < fields.count ? fields[index] : nil }
        var id = hasIDCell ? cells.first.flatMap { $0.anchor ?? bracketed($0.plainText.trimmed) } : nil
        if id == nil {
            let guess = String(field(0)?.plainText.trimmed.map { $0 == " " ? "_" : $0 } ?? [])
            warn("a people row has no ID anchor; its id is taken from the name (\"\(guess)\")", at: rowLocation)
            id = guess
        }
        let uris = field(2)?.plainText.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty } ?? []
        let person = Person(
            id: id ?? "", name: field(0)?.value, organization: field(1)?.value, uris: uris,
            updated: field(3)?.value.map(Parsed.init), location: rowLocation)
        if registry.people == nil { registry.people = [] }
        registry.people!.append(person)
    }

    /// A row of the footnotes table: `[N]` (anchor `noteN`), then the text in `<pre>`.
    private mutating func footnote(_ cells: [HTMLFragment]) {
        guard cells.count >= 2 else { return }
        let name = cells[0].anchor ?? bracketed(cells[0].plainText.trimmed) ?? cells[0].plainText.trimmed
        let anchor = name.hasPrefix("note") && name.count > 4 ? String(name.dropFirst(4)) : name
        let texts = cells[1].blocksOrContent
        if texts.count > 1 { warn("footnote \(anchor) has \(texts.count) text blocks; only the first is read", at: cells[1].location) }
        registry.footnotes.append(Footnote(anchor: anchor, text: texts.first ?? RichText(), location: rowLocation))
    }

    private func bracketed(_ text: String) -> String? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return nil }
        return String(text.dropFirst().dropLast())
    }

    // MARK: end, errors, locations

    /// The registry, once the parse is over; a page without a records table is not the registry.
    mutating func finish() throws(ReadError) -> Registry {
        closeFragment()
        if let cutShort {
            throw ReadError(
                file: input.displayName, line: Int(cutShort.line), column: Int(cutShort.column),
                message: "the page ends inside a table, without </table>: the file is cut short; save the whole page again")
        }
        guard sawRecordsTable else {
            throw ReadError(
                file: input.displayName, line: 1, column: 1,
                message: "no records table: expected <table id=\"table-service-names-port-numbers\"> or a table headed Service Name, Port Number, Transport Protocol, Description, …; is this IANA's registry page?")
        }
        return registry
    }

    /// The HTML parser repairs what it finds wrong (that is why it reads any page); what it
    /// repaired is worth a warning, except HTML5 elements its HTML 4 tables do not know.
    mutating func parserSaid(_ message: ParserMessage) {
        if message.text.hasPrefix("Tag "), message.text.hasSuffix(" invalid") { return }
        libxmlMessages += 1
        if libxmlMessages <= 10 {
            diagnostics.append(Diagnostic(file: input.displayName, line: message.line, column: message.column, message: "HTML repaired: \(message.text)"))
        } else if libxmlMessages == 11 {
            diagnostics.append(Diagnostic(file: input.displayName, message: "further HTML repairs not listed"))
        }
    }

    private mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(file: input.displayName, line: Int(location.line), column: Int(location.column), message: message))
    }

    /// True when libxml2 closes a table because the input ended, not at a `</table>`: a page
    /// cut short (a partial download) would otherwise read as a registry with fewer records.
    private func tableClosedByTheEndOfInput() -> Bool {
        guard let offset = parser.offset, offset >= bytes.count else { return false }
        var end = bytes.count
        while end > 0, ASCII.isWhiteSpace(bytes[end - 1]) { end -= 1 }
        let tail = bytes[max(end - 9, 0)..<end].map { $0 | 0x20 }  // ASCII lower case
        return !tail.elementsEqual("</table>".utf8) && !tail.dropFirst().elementsEqual("</table>".utf8) && !tail.elementsEqual("</table >".utf8)
    }

    /// The line and column just past the last byte.
    private func endLocation() -> SourceLocation {
        let (line, column) = input.lineAndColumn(ofByteAt: input.bytes.count)
        return input.location(line: line, column: column)
    }

    /// Where the tag being reported starts. libxml2 reports a start tag with its cursor at the
    /// tag's `>`: walk back to the `<`, then count lines from the last place counted.
    private mutating func tagLocation() -> SourceLocation {
        guard let cursor = parser.offset, !bytes.isEmpty else { return input.location(line: 0, column: 0) }
        var offset = min(max(cursor, 0), bytes.count - 1)
        let limit = max(offset - 65536, 0)
        while offset > limit, bytes[offset] != UInt8(ascii: "<") { offset -= 1 }
        if offset < scanOffset {
            (scanOffset, scanLine, scanLineStart) = (0, 1, 0)
        }
        let crossed = lineFeedCount(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[scanOffset..<offset]))
        if crossed > 0 {
            var lastLineFeed = offset - 1
            while bytes[lastLineFeed] != 0x0A { lastLineFeed -= 1 }
            scanLine += crossed
            scanLineStart = lastLineFeed + 1
        }
        scanOffset = offset
        return input.location(line: scanLine, column: offset - scanLineStart + 1)
    }
}

extension String {
    /// Without the white space at either end.
    var trimmed: String { ASCII.trimming(self) }
}
