import Glibc

/// Runs a program found on the PATH (git, for `validate --against git:REV`) and collects what
/// it writes. posix_spawn and two pipes, standard error drained on a second thread so that
/// neither pipe can fill up and stall the child; standard input is /dev/null.
///
/// Written here rather than taken from swift-subprocess: that package's API is async only,
/// which would make the whole command line async; its conformances lengthen every start-up
/// (the pre-commit hook's), and valgrind cannot read the debug information of a binary that
/// links it, which `make bench` needs for its instruction counts (README, Benchmarks).
enum ChildProcess {
    struct Result {
        /// The exit code; nil when the child was ended by a signal.
        var exitCode: Int32?
        var output: [UInt8]
        var error: [UInt8]
    }

    static func run(_ arguments: [String]) throws(FileIO.Error) -> Result {
        precondition(!arguments.isEmpty, "a program to run")
        let output = try pipeEnds()
        let error: [Int32]
        do {
            error = try pipeEnds()
        } catch {
            close(output[0])
            close(output[1])
            throw error
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawnp(&child, arguments[0], &actions, nil, &argv, environ)
        close(output[1])
        close(error[1])
        defer {
            close(output[0])
            close(error[0])
        }
        guard spawned == 0 else {
            Glibc.errno = spawned
            throw .errno(arguments[0])
        }
        let errorReader = error[0]
        let drainedError = BackgroundThread { (try? FileIO.readToEnd(errorReader)) ?? [] }
        let written = Result(exitCode: nil, output: (try? FileIO.readToEnd(output[0])) ?? [], error: drainedError.wait())
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard Glibc.errno == EINTR else { throw .errno("waitpid") }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import: the low 7 bits are the
        // signal (0 for a normal exit), the next 8 the exit code.
        return Result(exitCode: status & 0x7F == 0 ? (status >> 8) & 0xFF : nil, output: written.output, error: written.error)
    }

    /// A pipe whose ends the child does not inherit (only the copies made for it).
    private static func pipeEnds() throws(FileIO.Error) -> [Int32] {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .errno("pipe") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return ends
    }
}
