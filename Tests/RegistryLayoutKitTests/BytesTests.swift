import Testing
import ASCIIBytes
import RegistryLayoutKit

@Suite struct ASCIITests {
    @Test func whiteSpaceBlanksAndDigits() {
        #expect(Array(" \t\n\r".utf8).allSatisfy(ASCII.isWhiteSpace))
        #expect(!ASCII.isWhiteSpace(UInt8(ascii: "a")))
        #expect(ASCII.isBlank(0x09) && !ASCII.isBlank(0x0A))
        #expect(ASCII.isDigits("0123".utf8) && !ASCII.isDigits("".utf8) && !ASCII.isDigits("1a".utf8))
        #expect(ASCII.lowercased("IaNa-É") == "iana-É")
    }

    @Test func trimsWhiteSpaceOrWhatItIsTold() {
        #expect(ASCII.trimming(" \t echo \r\n") == "echo")
        #expect(ASCII.trimming("   ") == "")
        let line = Array("  a b \n".utf8)
        #expect(Array(ASCII.trimming(line[...], where: ASCII.isBlank)) == Array("a b \n".utf8))
    }

    @Test(arguments: [
        ("0", 0 as UInt64?), ("65535", 65535), ("65536", nil), ("080", nil), ("", nil), ("-1", nil), ("1 ", nil),
    ])
    func canonicalDecimal(_ text: String, _ value: UInt64?) {
        let digits = Array(text.utf8)
        #expect(ASCII.canonicalDecimal(digits.span, limit: 65535) == value)
    }
}

@Suite struct ByteBufferTests {
    @Test func growsTruncatesAndEmpties() {
        var buffer = ByteBuffer(capacity: 1)
        for _ in 0..<100 { buffer.append(UInt8(ascii: "x")) }
        buffer.append("yz")
        // Read into values first: #expect copies its operands, and a buffer cannot be copied.
        let grown = buffer.count
        buffer.truncate(to: 99)
        let truncated = buffer.string
        buffer.truncate(to: 500)
        let notLengthened = buffer.count
        buffer.removeAll()
        let empty = buffer.isEmpty
        #expect(grown == 102)
        #expect(truncated == String(repeating: "x", count: 99))
        #expect(notLengthened == 99, "truncating never lengthens")
        #expect(empty)
    }
}
