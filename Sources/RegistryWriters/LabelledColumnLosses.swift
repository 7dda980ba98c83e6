import RegistryModel

extension LossReport {
    /// What a layout loses when it shows a record's xrefs as `[LABEL]` text in the Assignee,
    /// Contact and Reference columns (CSV, the text page): what reading the row back, label by
    /// label, would not restore.
    mutating func noteLabelledColumns(_ record: Record) {
        note(.xrefTargets, count: record.xrefs.count { !$0.survivesAsLabel })
        if let assignees = record.assignees {
            note(.xrefTargets, count: assignees.count { !$0.survivesAsLabel })
            // A reader restores <assignee> only when the Assignee column differs from Contact.
            if assignees.lazy.map(\.label).elementsEqual(record.xrefs.lazy.filter(isPerson).map(\.label)) {
                note(.assigneeElement)
            }
        }
        // A reader puts contacts before references, in the usual element order.
        let contactsFirst = !record.xrefs.drop { isPerson($0) }.contains(where: isPerson)
        if !record.isInUsualOrder || !contactsFirst {
            note(.elementOrder)
        }
        noteEmptyElements(record)
    }

    /// A layout of cells (CSV, HTML, the text page) shows an empty element as an empty cell,
    /// which reads back as no element at all.
    mutating func noteEmptyElements(_ record: Record) {
        let empty = [record.name?.text, record.number?.text, record.transportProtocol?.text,
                     record.registrationDate?.text, record.modificationDate?.text, record.serviceCode?.text]
            .count { $0?.isEmpty == true }
            + (record.unauthorizedUse?.isEmpty == true ? 1 : 0)
            + (record.notes.count == 1 && record.notes[0].isEmpty ? 1 : 0)
        note(.emptyElements, count: empty)
    }
}

func isPerson(_ xref: Xref) -> Bool { xref.type == .person }
