import Testing
import RegistryLayoutKit
import RegistryModel

@Suite struct XrefLabelTests {
    @Test(arguments: [
        ("RFC6335", XrefType.rfc, "rfc6335" as String?, nil as String?),
        ("RFC8765, Section 6.1", .rfc, "rfc8765", "RFC8765, Section 6.1"),
        ("RFC-ietf-emailcore-rfc5321bis-43", .draft, "RFC-ietf-emailcore-rfc5321bis-43", nil),
        ("draft-zubov-snif-05, Section 4.3", .draft, "draft-zubov-snif-05", "draft-zubov-snif-05, Section 4.3"),
        ("1", .note, "1", nil),
        ("n/a", .text, nil, "n/a"),
        ("RFCs in general", .text, nil, "RFCs in general"),
    ])
    func readsReferenceLabels(_ label: String, _ type: XrefType, _ data: String?, _ text: String?) {
        let xref = Xref.reference(label: label)
        #expect(xref.type == type)
        #expect(xref.data == data)
        #expect(xref.text == text)
        #expect(xref.label == label, "the label gives itself back")
        #expect(xref.survivesAsLabel)
    }

    @Test func uriTargetsDoNotSurviveAsLabels() {
        let uri = Xref(type: .uri, data: "https://example.org/spec", text: "Spec")
        #expect(uri.label == "Spec")
        #expect(!uri.survivesAsLabel)
        let sectioned = Xref(type: .draft, data: "draft-x-01", attributes: [XrefAttribute(name: "section", value: "2")])
        #expect(!sectioned.survivesAsLabel)
    }

    @Test func peopleSurviveAsLabels() {
        #expect(Xref.person(label: "Jon_Postel").survivesAsLabel)
        #expect(!Xref(type: .person, data: "Jon_Postel", text: "Jon").survivesAsLabel)
    }
}


@Suite struct XrefLinkTests {
    @Test(arguments: [
        Xref(type: .rfc, data: "rfc6335"),
        Xref(type: .rfc, data: "rfc8765", attributes: [XrefAttribute(name: "section", value: "6.1")]),
        Xref(type: .draft, data: "RFC-ietf-emailcore-rfc5321bis-43"),
        Xref(type: .person, data: "Jon_Postel"),
        Xref(type: .note, data: "1"),
        Xref(type: .uri, data: "https://example.org/spec", text: "Spec"),
        Xref(type: .text, text: "n/a"),
    ])
    func aLinkGivesTheXrefBack(_ xref: Xref) {
        #expect(Xref(link: xref.linkTarget, label: xref.label) == xref)
    }

    @Test func approvedDraftsLinkToTheDraft() {
        #expect(Xref(type: .draft, data: "RFC-ietf-x-12").linkTarget == "https://www.iana.org/go/draft-ietf-x-12")
    }
}
