import Testing
@testable import RegistryModel

@Suite struct PortRangeTests {
    @Test(arguments: ["0", "1", "1023", "65535", "1-2", "4200-4299", "49152-65535"])
    func acceptsCanonicalPortsAndRanges(_ text: String) {
        let parsed = Parsed<PortRange>(text)
        #expect(parsed.value != nil, "\(text) should parse")
        #expect(parsed.text == text, "a valid value prints as it was read")
    }

    @Test(arguments: ["65536", "080", "00", "5-5", "10-1", "", "-1", "1-", "a", "1 ", " 1", "1-65536", "+1", "1–2"])
    func keepsWhatDoesNotParseAsRawText(_ text: String) {
        let parsed = Parsed<PortRange>(text)
        #expect(parsed == .invalid(text))
        #expect(parsed.text == text)
    }

    @Test func boundsAreCheckedOnce() {
        #expect(PortRange(lower: 10, upper: 9) == nil)
        let range = PortRange(lower: 4200, upper: 4299)!
        #expect(!range.isSinglePort)
        #expect(range.overlaps(PortRange(port: 4299)))
        #expect(!range.overlaps(PortRange(port: 4300)))
    }
}

@Suite struct TransportProtocolTests {
    @Test func parsesTheFourProtocols() {
        for name in ["tcp", "udp", "sctp", "dccp"] {
            #expect(Parsed<TransportProtocol>(name).value?.text == name)
        }
    }

    @Test func upperCaseIsKeptRawForTheValidatorToReport() {
        #expect(Parsed<TransportProtocol>("TCP") == .invalid("TCP"))
        #expect(Parsed<TransportProtocol>("ddp") == .invalid("ddp"))
    }

    @Test func sortsInIANAsOrder() {
        #expect(TransportProtocol.allCases.sorted() == [.tcp, .udp, .sctp, .dccp])
    }
}

/// Readers parse numbers, dates and protocols from their buffers' bytes; that parse must
/// agree with the String one on every text, valid or not.
@Suite struct ParsingFromBytesTests {
    static let texts = [
        "0", "1", "1023", "65535", "65536", "080", "00", "5-5", "10-1", "1-2", "49152-65535", "-1", "1-", "",
        "tcp", "udp", "sctp", "dccp", "TCP", "tc", "tcpx", "2024-02-29", "2023-02-29", "2006-12", "2024-1-05",
        "4294967295", "4294967296", "a", "1 ", "é", "http", "-x-",
        "person", "rfc", "draft", "uri", "text", "note", "Person", "rfcs", "persons",
    ]

    func agree<Value: TextRepresentable>(_: Value.Type, _ text: String) -> Bool {
        Parsed<Value>(utf8: Array(text.utf8).span) == Parsed<Value>(text)
    }

    @Test(arguments: texts)
    func bytesParseAsTheirString(_ text: String) {
        #expect(agree(PortRange.self, text))
        #expect(agree(TransportProtocol.self, text))
        #expect(agree(RegistryDate.self, text))
        #expect(agree(ServiceCode.self, text))
        #expect(agree(ServiceName.self, text))
        #expect(XrefType(utf8: Array(text.utf8).span) == XrefType(text), "xref type \(text)")
    }
}

@Suite struct RegistryDateTests {
    @Test(arguments: ["2024-02-29", "2026-08-17", "2006-12", "1999-01-31"])
    func acceptsRealDates(_ text: String) {
        #expect(Parsed<RegistryDate>(text).value?.text == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13", "2024-00-10", "2024-1-05", "2024-01-5", "2024/01/05", "24-01-05", "2024-04-31", "", "2024-01-05 "])
    func rejectsOthers(_ text: String) {
        #expect(Parsed<RegistryDate>(text) == .invalid(text))
    }

    /// Written digit by digit: leading zeros, and a year the parser never makes but the
    /// memberwise initializer allows.
    @Test func writesEveryDigit() {
        #expect(RegistryDate(year: 42, month: 3, day: 9)?.text == "0042-03-09")
        #expect(RegistryDate(year: 2026, month: 11, day: nil)?.text == "2026-11")
        #expect(RegistryDate(year: 12026, month: 1, day: 31)?.text == "12026-01-31")
    }

    @Test func monthOnlyDatesSortBeforeTheirDays() {
        let month = RegistryDate(canonicalText: "2006-12")!
        let day = RegistryDate(canonicalText: "2006-12-01")!
        #expect(month < day)
        #expect(month.day == nil)
    }
}

@Suite struct ServiceNameTests {
    @Test func wellFormedNamesAreNotLegacy() {
        let name = ServiceName(canonicalText: "http-alt")!
        #expect(!name.isLegacy)
        #expect(name.violation == nil)
    }

    @Test(arguments: [
        ("a-very-long-service", ServiceNameViolation.tooLong),
        ("whois++", .forbiddenCharacter),
        ("sql*net", .forbiddenCharacter),
        ("atex_elmd", .forbiddenCharacter),
        ("z39.50", .forbiddenCharacter),
        ("914c g", .forbiddenCharacter),
        ("3com", nil),
        ("1234", .noLetter),
        ("-abc", .hyphenAtEdge),
        ("abc-", .hyphenAtEdge),
        ("a--b", .doubleHyphen),
    ])
    func reportsTheFirstClauseBroken(_ text: String, _ violation: ServiceNameViolation?) {
        let name = ServiceName(canonicalText: text)!
        #expect(name.violation == violation)
        #expect(name.isLegacy == (violation != nil))
    }

    @Test func emptyIsNotAName() {
        #expect(Parsed<ServiceName>("") == .invalid(""))
    }

    @Test func keyComparesCaseInsensitively() {
        #expect(ServiceName(canonicalText: "EtherNet-IP-1")!.key == "ethernet-ip-1")
    }
}

@Suite struct ServiceCodeTests {
    @Test func parsesUnsigned32BitCodes() {
        #expect(Parsed<ServiceCode>("1145656131").value?.value == 1_145_656_131)
        #expect(Parsed<ServiceCode>("4294967295").value?.value == UInt32.max)
    }

    @Test func keepsOutOfRangeCodesRaw() {
        #expect(Parsed<ServiceCode>("4294967296") == .invalid("4294967296"))
        #expect(Parsed<ServiceCode>("-1") == .invalid("-1"))
    }
}
