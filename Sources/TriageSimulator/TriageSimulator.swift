// Placeholder: the simulator lands with issue 4.
import TriageCore

public enum SimulatorInfo {
    public static let name = "triage-simulator"
}
