extension Dictionary {
    /// The value stored for `key`, after storing `value` there if there was none, in one
    /// lookup: rules that find the first record of each kind hash every record's key once.
    mutating func storedValue(for key: Key, storingIfAbsent value: Value) -> Value {
        func read(_ slot: inout Value) -> Value { slot }
        return read(&self[key, default: value])
    }
}
