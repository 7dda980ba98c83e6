import Foundation
import RegistryValidation
import Testing
import TestSupport

@Suite struct SchemaEmbeddingTests {
    @Test func theEmbeddedSchemaIsTheFileInSchemas() throws {
        let file = String(decoding: try Paths.bytes("Schemas/service-names-port-numbers.rng"), as: UTF8.self)
        #expect(registrySchema + "\n" == file, "run Scripts/embed-schema.sh after editing the schema")
    }
}
