/// Pairs the entries of two lists that share a key; an entry whose key repeats is paired with
/// the other list's entry of the same key and rank (the second `x` of OLD with the second `x`
/// of NEW). What remains unpaired was removed (in OLD) or added (in NEW).
struct InOrderMatching {
    /// For each entry of NEW, the index of its partner in OLD, or nil when it was added.
    var oldIndexOfNew: [Int?]
    /// The entries of OLD left without a partner, in order.
    var removed: [Int]

    init<Key: Hashable>(old: [Key], new: [Key]) {
        // Each key's OLD entries in order, and how many of them NEW has taken so far.
        var waiting: [Key: (indices: [Int], taken: Int)] = [:]
        waiting.reserveCapacity(old.count)
        for (index, key) in old.enumerated() { waiting[key, default: ([], 0)].indices.append(index) }
        var paired = [Bool](repeating: false, count: old.count)
        oldIndexOfNew = new.map { key in
            guard let (indices, taken) = waiting[key], taken < indices.count else { return nil }
            waiting[key]?.taken = taken + 1
            paired[indices[taken]] = true
            return indices[taken]
        }
        removed = paired.indices.filter { !paired[$0] }
    }
}
