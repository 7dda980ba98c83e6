import RegistryModel

extension LossReport {
    /// What a layout loses when it shows a record's xrefs as `[LABEL]` text in the Assignee,
    /// Contact and Reference columns (CSV, the text page): what reading the row back, label by
    /// label, would not restore.
    mutating func noteLabelledColumns(_ record: Record) {
        // One pass over the xrefs, read in place (this runs for every record written).
        let (lostTargets, contactsFirst) = record.xrefs.withUnsafeBufferPointer { xrefs in
            var lostTargets = 0
            var referenceSeen = false
            var contactsFirst = true
            for i in xrefs.indices {
                if !xrefs[i].survivesAsLabel { lostTargets += 1 }
                if !isPerson(xrefs[i]) {
                    referenceSeen = true
                } else if referenceSeen {
                    contactsFirst = false
                }
            }
            return (lostTargets, contactsFirst)
        }
        note(.xrefTargets, count: lostTargets)
        if let assignees = record.assignees {
            note(.xrefTargets, count: assignees.count { !$0.survivesAsLabel })
            // A reader restores <assignee> only when the Assignee column differs from Contact.
            if assignees.lazy.map(\.label).elementsEqual(record.xrefs.lazy.filter(isPerson).map(\.label)) {
                note(.assigneeElement)
            }
        }
        // A reader puts contacts before references, in the usual element order.
        if !contactsFirst || !record.isInUsualOrder {
            note(.elementOrder)
        }
        noteEmptyElements(record)
    }

    /// A layout of cells (CSV, HTML, the text page) shows an empty element as an empty cell,
    /// which reads back as no element at all.
    mutating func noteEmptyElements(_ record: Record) {
        note(.emptyElements, count: record.emptyCellElements)
    }
}

func isPerson(_ xref: Xref) -> Bool { xref.type == .person }
