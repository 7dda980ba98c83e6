/// Pairs the entries of two lists that share a key; an entry whose key repeats is paired with
/// the other list's entry of the same key and rank (the second `x` of OLD with the second `x`
/// of NEW). What remains unpaired was removed (in OLD) or added (in NEW).
struct InOrderMatching {
    /// For each entry of NEW, the index of its partner in OLD, or nil when it was added.
    var oldIndexOfNew: [Int?]
    /// The entries of OLD left without a partner, in order.
    var removed: [Int]

    init<Key: Hashable>(old: [Key], new: [Key]) {
        // The OLD entries of each key as a chain in order: the first unpaired one in `first`,
        // each one's successor in `next` (-1 ends a chain). No array per key: nearly every key
        // is unique, and an allocation each was most of the cost.
        var next = [Int](repeating: -1, count: old.count)
        var first: [Key: Int] = [:]
        first.reserveCapacity(old.count)
        for index in old.indices.reversed() {
            if let following = first.updateValue(index, forKey: old[index]) { next[index] = following }
        }
        var paired = [Bool](repeating: false, count: old.count)
        oldIndexOfNew = new.map { key in
            guard let slot = first.index(forKey: key), first.values[slot] >= 0 else { return nil }
            let index = first.values[slot]
            first.values[slot] = next[index]
            paired[index] = true
            return index
        }
        removed = paired.indices.filter { !paired[$0] }
    }
}
