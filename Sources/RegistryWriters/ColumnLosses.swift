import RegistryLayoutKit
import RegistryModel

/// How a layout of the flat table shows a record's xrefs in the Assignee, Contact and
/// Reference columns.
enum XrefForm {
    /// `[LABEL]` text (CSV, the text page): reading a label back gives `Xref.reference(label:)`
    /// or a person, so an xref whose label alone does not give it back loses its target.
    case label
    /// Links (the HTML page), which give the xref back; the writer counts the ones that do not
    /// as it writes them.
    case link
}

extension LossReport {
    /// What a layout of the flat table loses of a record's columns: what reading the row back,
    /// column by column (`RecordRow`), would not restore.
    mutating func noteColumnLosses(_ record: Record, xrefsAs form: XrefForm) {
        // One pass over the xrefs, read in place (this runs for every record written).
        let (lostTargets, contactsFirst) = record.xrefs.withUnsafeBufferPointer { xrefs in
            var lostTargets = 0
            var referenceSeen = false
            var contactsFirst = true
            for i in xrefs.indices {
                if form == .label, !xrefs[i].survivesAsLabel { lostTargets += 1 }
                if !XrefKind.people.includes(xrefs[i]) {
                    referenceSeen = true
                } else if referenceSeen {
                    contactsFirst = false
                }
            }
            return (lostTargets, contactsFirst)
        }
        note(.xrefTargets, count: lostTargets)
        if let assignees = record.assignees {
            // A reader restores <assignee> only when the Assignee column differs from Contact.
            let people = record.xrefs.lazy.filter(XrefKind.people.includes)
            switch form {
            case .label:
                note(.xrefTargets, count: assignees.count { !$0.survivesAsLabel })
                if assignees.lazy.map(\.label).elementsEqual(people.map(\.label)) { note(.assigneeElement) }
            case .link:
                if assignees.elementsEqual(people) { note(.assigneeElement) }
            }
        }
        // A reader puts contacts before references, in the usual element order.
        if !contactsFirst || !record.isInUsualOrder {
            note(.elementOrder)
        }
        // An empty element is an empty cell, which reads back as no element at all.
        note(.emptyElements, count: record.emptyCellElements)
    }
}
