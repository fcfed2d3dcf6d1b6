import Testing
import WatchfloorYAML

@Suite struct YAMLValueTests {
    @Test func errorsNameFileLineAndExpectation() throws {
        let root = try YAMLValue.parse("types:\n  - name: GIFT\n    strength: high\n", file: "types.yaml")
        let type = try root.required("types").array()[0]
        #expect(try type.required("name").string() == "GIFT")
        let error = #expect(throws: ConfigurationError.self) { try type.required("strength").double(in: 0...1) }
        #expect(error?.description == "types.yaml:3:15: expected a number for \"types[0].strength\", found \"high\"")
    }

    @Test func syntaxErrorsCarryTheirLine() {
        let error = #expect(throws: ConfigurationError.self) {
            try YAMLValue.parse("a: [1, 2\nb: 3\n", file: "bad.yaml")
        }
        #expect(error?.file == "bad.yaml")
        #expect(error?.line != nil)
    }

    @Test func unknownKeysAreRejected() throws {
        let root = try YAMLValue.parse("name: x\nstrenght: 1\n", file: "t.yaml")
        let error = #expect(throws: ConfigurationError.self) { try root.rejectUnknownKeys(["name", "strength"]) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("strenght") == true)
    }
}
