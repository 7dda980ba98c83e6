extension Record {
    /// The order to write the record's elements in: the order read when it still matches the
    /// record's fields, otherwise IANA's usual order.
    public var orderedElements: [RecordElement] {
        elementOrderNamesTheFields ? self.elementOrder : usualElementOrder
    }

    /// True when the record's elements stand in the usual order (or no order was recorded, or
    /// the order recorded no longer fits the fields), so a layout that cannot keep order loses
    /// nothing. Without building arrays: every writer asks this of every record.
    public var isInUsualOrder: Bool {
        self.elementOrder.isInUsualRank || !elementOrderNamesTheFields
    }

    /// True when the recorded order names exactly the record's elements, as many of each kind.
    private var elementOrderNamesTheFields: Bool {
        var counts = InlineArray<9, Int>(repeating: 0)
        for element in self.elementOrder { counts[element.rawValue] += 1 }
        return RecordElement.allCases.allSatisfy { counts[$0.rawValue] == count(of: $0) }
    }

    /// IANA's usual order: every element present, in `RecordElement`'s declaration order.
    public var usualElementOrder: [RecordElement] {
        var order: [RecordElement] = []
        for element in RecordElement.allCases { order += repeatElement(element, count: count(of: element)) }
        return order
    }

    /// How many `element`s the record has: the one place that ties elements to fields.
    private func count(of element: RecordElement) -> Int {
        func one(_ present: Bool) -> Int { present ? 1 : 0 }
        return switch element {
        case .name: one(self.name != nil)
        case .transportProtocol: one(self.transportProtocol != nil)
        case .assignee: one(self.assignees != nil)
        case .xref: self.xrefs.count
        case .description: one(self.description != nil)
        case .number: one(self.number != nil)
        case .serviceCode: one(self.serviceCode != nil)
        case .unauthorized: one(self.unauthorizedUse != nil)
        case .note: self.notes.count
        }
    }
}

extension [RecordElement] {
    /// True when the elements stand in the usual order (empty counts as usual).
    public var isInUsualRank: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }
}
