/// What is wrong with the CSV file, by line.
struct ImportError: Error {
    let line: Int
    let problems: [String]
}
