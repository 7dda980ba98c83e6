import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Writes a services(5) file, as distributions install it as `/etc/services`: one line per
/// service and port, `name port/protocol [aliases…] # description`, in port order, under a
/// header naming the registry and its date.
///
/// Written so that the C library answers as the registry does: every port of a range gets its
/// line (getservbyport finds `x11` on 6010/tcp), and lines in port order make the first line of
/// a name, which getservbyname returns, the lowest port the registry gives it on that protocol.
/// Only assigned records with a name, a port and a protocol have a line; a legacy name the
/// registry calls an alias of another (`whois++` of `whoispp`) is an alias on that name's line.
public enum ServicesWriter: RegistryWriter {
    public static let name = "services"
    public static let aliases: [String] = []

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        writeHeader(registry, into: &out, losses: &losses)
        var services = ServiceEntries()
        for record in registry.records { services.add(record, losses: &losses) }
        var line = ByteBuffer(capacity: 256)
        for (port, entry) in services.linesInPortOrder() {
            ServiceEntries.write(entry, port: port, into: &line)
            out.append(contentsOf: UnsafeRawBufferPointer(line.bytes))
            line.removeAll()
        }
    }

    /// The title and date, on key lines the reader takes back; everything else of the
    /// registry's own has no place.
    private static func writeHeader(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        if let title = registry.title { out.append(ServicesLine.titleKey + ServicesLine.oneLine(title) + "\n") }
        if let updated = registry.updated { out.append(ServicesLine.updatedKey + updated.text + "\n") }
        out.append("# services(5) written by ianaconv: one line per service and port (ranges expanded), in port order.\n")
        out.append("# name port/protocol [aliases...] # description\n\n")
        let metadata = [registry.id, registry.category].compactMap { $0 }.count
            + registry.references.count + registry.experts.count + registry.notes.count
        losses.note(.metadataBeyondHeader, count: metadata)
        losses.note(.peopleTable, count: registry.people?.count ?? 0)
        losses.note(.footnotesDropped, count: registry.footnotes.count)
    }
}

/// The lines to write: one entry per record that has a line, with the aliases folded in.
struct ServiceEntries {
    struct Entry {
        var name: String
        var ports: PortRange
        var transport: TransportProtocol
        var aliases: [String] = []
        var description: String
        /// Its place among the records, to keep the registry's order within a port.
        var order: Int
    }

    private var entries: [Entry] = []
    /// Legacy names waiting for the entry they are an alias of: (target name, the alias entry).
    private var aliasRecords: [(target: String, entry: Entry)] = []

    mutating func add(_ record: Record, losses: inout LossReport) {
        guard let name = record.name, !name.isEmpty, record.state == .assigned else {
            return losses.note(.recordsWithoutService)
        }
        guard let number = record.number else { return losses.note(.nameOnlyRecords) }
        guard let transport = record.transportProtocol else { return losses.note(.protocolLessRecords) }
        guard let name = name.value, ServicesLine.canHold(name.text), let ports = number.value, let transport = transport.value else {
            return losses.note(.unwritableRecords)
        }
        let description = record.description.map { ServicesLine.oneLine($0.plainText) } ?? ""
        let entry = Entry(name: name.text, ports: ports, transport: transport, description: description, order: entries.count + aliasRecords.count)
        let aliasTarget = record.notes.lazy.compactMap(ServicesLine.aliasTarget).first
        noteLosses(of: record, description: description, aliasOf: aliasTarget, losses: &losses)
        if !ports.isSinglePort { losses.note(.expandedRanges) }
        if let aliasTarget {
            aliasRecords.append((aliasTarget, entry))
        } else {
            entries.append(entry)
        }
    }

    /// What the record's line does not keep: all but the name, ports, protocol and
    /// description (of an alias, all but its name and the note that makes it one).
    private func noteLosses(of record: Record, description: String, aliasOf target: String?, losses: inout LossReport) {
        let isAlias = target != nil
        let notes = record.notes.filter { note in target.map { note != ServicesLine.aliasNote(to: $0) } ?? true }
        let details = record.assignees != nil || !record.xrefs.isEmpty || record.registrationDate != nil
            || record.modificationDate != nil || record.serviceCode != nil || record.unauthorizedUse != nil
            || !notes.isEmpty || (isAlias && record.description != nil)
        if details { losses.note(.recordDetails) }
        if !isAlias, let text = record.description, text.content != [.text(description)] { losses.note(.foldedDescriptions) }
    }

    /// One line per entry and port, aliases placed, sorted by port and protocol (the
    /// registry's order within): a range's ports go among the other ports' lines.
    mutating func linesInPortOrder() -> [(port: UInt16, entry: Entry)] {
        var index: [AliasKey: Int] = [:]
        for (i, entry) in entries.enumerated() {
            let key = AliasKey(entry.name, entry.ports, entry.transport)
            if index[key] == nil { index[key] = i }
        }
        for (target, alias) in aliasRecords {
            if let i = index[AliasKey(target, alias.ports, alias.transport)] {
                entries[i].aliases.append(alias.name)
            } else {
                entries.append(alias)  // the name it is an alias of has no line: it gets its own
            }
        }
        let lines = entries.flatMap { entry in (entry.ports.lower...entry.ports.upper).map { (port: $0, entry: entry) } }
        return lines.sorted { ($0.port, $0.entry.transport, $0.entry.order) < ($1.port, $1.entry.transport, $1.entry.order) }
    }

    /// The entry's line for one of its ports, ending in a line feed.
    static func write(_ entry: Entry, port: UInt16, into line: inout ByteBuffer) {
        line.append(entry.name)
        pad(&line, to: 16)
        line.append("\(port)/\(entry.transport.text)")
        for alias in entry.aliases {
            line.append(0x20)
            line.append(alias)
        }
        if !entry.description.isEmpty {
            pad(&line, to: 32)
            line.append("# ")
            line.append(entry.description)
        }
        line.append(0x0A)
    }

    /// Blanks up to `column`, at least one.
    private static func pad(_ line: inout ByteBuffer, to column: Int) {
        repeat { line.append(0x20) } while line.count < column
    }
}

/// An alias's target: a name (case-insensitive, as the registry compares names) on the same
/// ports and protocol.
private struct AliasKey: Hashable {
    var name: String
    var ports: PortRange
    var transport: TransportProtocol

    init(_ name: String, _ ports: PortRange, _ transport: TransportProtocol) {
        self.name = ASCII.lowercased(name)
        self.ports = ports
        self.transport = transport
    }
}
