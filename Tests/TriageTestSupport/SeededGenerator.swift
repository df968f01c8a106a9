/// A random number generator with a fixed seed (SplitMix64), for tests that feed random input:
/// a failure is reproduced by running again with the seed the test prints in its failure message.
public struct SeededGenerator: RandomNumberGenerator, Sendable, CustomStringConvertible {
    public let seed: UInt64
    private var state: UInt64

    /// `TRIAGE_TEST_SEED` in the environment replaces `seed`, to replay a failure or try another seed.
    public init(seed: UInt64, environment: [String: String] = [:]) {
        let chosen = environment["TRIAGE_TEST_SEED"].flatMap { UInt64($0) } ?? seed
        self.seed = chosen
        state = chosen
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Goes into failure messages: how to replay this exact input.
    public var description: String { "seed \(seed) (replay with TRIAGE_TEST_SEED=\(seed))" }
}
