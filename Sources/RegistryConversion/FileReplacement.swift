import Glibc
import CExtendedAttributes

/// Writing where the user points, as a shell's `>` would, but atomically where that is safe.
/// A regular file (symbolic links followed) is replaced by renaming a complete new file over
/// it, which keeps its owner, group, mode and extended attributes (ACLs among them); anything
/// else (a device, a FIFO, `/dev/stdout`, `/proc/self/fd/N`) is written in place, since a
/// rename would put a regular file where the device was.
extension FileIO {
    /// What a file was when it was read: a rewrite refuses to replace a file that changed
    /// since (an edit saved meanwhile would be lost).
    public struct Snapshot: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        }
    }

    /// The file a path names now (links followed), or nil when there is none.
    public static func snapshot(of path: String) -> Snapshot? {
        var info = stat()
        return stat(path, &info) == 0 ? Snapshot(info) : nil
    }

    /// Writes the chunks as the whole content of `path`. A regular file is replaced atomically
    /// unless the new file could not keep what the old one had (other hard links, an owner
    /// or extended attribute ianaconv cannot set, a folder it cannot create files in): it is
    /// then rewritten in place, and the reason is returned. With `unchangedSince`, a file
    /// that changed since that snapshot is left as it is and the write fails.
    @discardableResult
    public static func write(
        _ chunks: [[UInt8]], to path: String, unchangedSince snapshot: Snapshot? = nil
    ) throws(Error) -> String? {
        // Devices and the kernel's views of open files: nothing there may be replaced, and
        // most users cannot create files there.
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            try writeInPlace(chunks, to: path, regular: false)
            return nil
        }
        let target = danglingLinkTarget(path) ?? resolvingLinks(path)
        var info = stat()
        guard stat(target, &info) == 0 else {
            guard Glibc.errno == ENOENT else { throw .errno("stat") }
            guard snapshot == nil else { throw .changedSinceRead }
            _ = try replace(target, with: chunks, keeping: nil, unchangedSince: nil)
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            try writeInPlace(chunks, to: target, regular: false)
            return nil
        }
        // Root may write anything; anyone else must not replace a file they could not write,
        // even through a folder they can write.
        guard faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) == 0 else { throw .errno("the file is not writable") }
        if let snapshot, Snapshot(info) != snapshot { throw .changedSinceRead }
        if info.st_nlink > 1 {
            try writeInPlace(chunks, to: target, regular: true, unchangedSince: snapshot)
            return "it has \(info.st_nlink) hard links, which a new file would split"
        }
        guard let reason = try replace(target, with: chunks, keeping: info, unchangedSince: snapshot) else { return nil }
        try writeInPlace(chunks, to: target, regular: true, unchangedSince: snapshot)
        return reason
    }

    /// Writes a temporary file beside `target` and renames it over it: readers see the old
    /// file or the whole new one, and a failure (or a signal) leaves the old file untouched
    /// and no temporary file behind. The short fixed-form name fits beside any valid name.
    /// Returns why it did not replace the file when the new one could not keep what the old
    /// one had (the caller then rewrites it in place).
    private static func replace(
        _ target: String, with chunks: [[UInt8]], keeping old: stat?, unchangedSince snapshot: Snapshot?
    ) throws(Error) -> String? {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let temporary = TemporaryFile(template: "\(directory).ianaconv-XXXXXX")
        guard temporary.fd >= 0 else {
            let error = Error.errno("create a temporary file in '\(directory.isEmpty ? "." : directory)'")
            // A writable file in a folder that is not (a shell's > still writes it).
            if old != nil, Glibc.errno == EACCES { return "ianaconv cannot create files in its folder" }
            throw error
        }
        do throws(Error) {
            for chunk in chunks { try writeAll(temporary.fd, chunk) }
            if let old {
                if let reason = try keep(old, of: target, on: temporary.fd) {
                    temporary.finish(renamed: false)
                    return reason
                }
            } else {
                guard fchmod(temporary.fd, 0o666 & ~currentUmask()) == 0 else { throw Error.errno("chmod") }
            }
            guard fsync(temporary.fd) == 0 else { throw Error.errno("fsync") }
            if let snapshot, Self.snapshot(of: target) != snapshot { throw Error.changedSinceRead }
            guard rename(temporary.path, target) == 0 else { throw Error.errno("rename") }
            temporary.finish(renamed: true)
            return nil
        } catch {
            temporary.finish(renamed: false)
            throw error
        }
    }

    /// Gives the new file the old one's owner, group, extended attributes (ACLs are among
    /// them) and mode; returns which it cannot give.
    private static func keep(_ old: stat, of path: String, on fd: Int32) throws(Error) -> String? {
        var new = stat()
        guard fstat(fd, &new) == 0 else { throw .errno("stat") }
        if new.st_uid != old.st_uid || new.st_gid != old.st_gid, fchown(fd, old.st_uid, old.st_gid) != 0 {
            return "ianaconv cannot give a new file its owner and group"
        }
        for name in extendedAttributeNames(path) {
            guard let value = extendedAttribute(name, of: path),
                value.withUnsafeBytes({ fsetxattr(fd, name, $0.baseAddress, $0.count, 0) }) == 0
            else { return "ianaconv cannot copy its extended attribute \(name)" }
        }
        // Last: a change of owner clears the set-user-ID and set-group-ID bits.
        guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw .errno("chmod") }
        return nil
    }

    private static func extendedAttributeNames(_ path: String) -> [String] {
        let size = listxattr(path, nil, 0)
        guard size > 0 else { return [] }
        var names = [CChar](repeating: 0, count: size)
        let count = listxattr(path, &names, size)
        guard count > 0 else { return [] }
        return names[..<count].split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    private static func extendedAttribute(_ name: String, of path: String) -> [UInt8]? {
        let size = getxattr(path, name, nil, 0)
        guard size >= 0 else { return nil }
        var value = [UInt8](repeating: 0, count: size)
        let count = value.withUnsafeMutableBytes { getxattr(path, name, $0.baseAddress, size) }
        return count == size ? value : nil
    }

    /// Writes into the existing file, as a shell's `>` does: a device or FIFO gets the bytes,
    /// a regular file is truncated and rewritten.
    private static func writeInPlace(
        _ chunks: [[UInt8]], to path: String, regular: Bool, unchangedSince snapshot: Snapshot? = nil
    ) throws(Error) {
        if let snapshot, Self.snapshot(of: path) != snapshot { throw .changedSinceRead }
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw .errno("open") }
        defer { close(fd) }
        for chunk in chunks { try writeAll(fd, chunk) }
        if regular { guard fsync(fd) == 0 else { throw .errno("fsync") } }
    }

    /// Where a symbolic link to a file that does not exist yet points (a shell's `>` creates
    /// it there, and keeps the link); nil for anything else.
    private static func danglingLinkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on links in a row
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else {
                return current == path ? nil : current
            }
            guard stat(current, &info) != 0 else { return nil }  // not dangling: realpath resolves it
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count > 0 else { return nil }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = current.lastIndex(of: "/").map { String(current[...$0]) } ?? ""
            current = link.hasPrefix("/") ? link : folder + link
        }
        return nil
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}

extension FileIO.Error {
    static let changedSinceRead = FileIO.Error(
        reason: "the file changed since ianaconv read it (saved by another program?); it is left as it is: run again")
}
