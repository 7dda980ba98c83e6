import ASCIIBytes

/// Whether `bytes` hold the start tag `tag` (`<record`, with its `<`) at `offset`, the element's
/// name ending there (at white space, `>` or `/`) rather than going on into a longer name.
/// Where the schema check looks for an element in the document's bytes.
func opensStartTag(_ tag: [UInt8], at offset: Int, in bytes: [UInt8]) -> Bool {
    guard offset + tag.count < bytes.count, bytes[offset..<(offset + tag.count)].elementsEqual(tag) else { return false }
    let next = bytes[offset + tag.count]
    return ASCII.isWhiteSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
}
