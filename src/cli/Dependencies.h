//===- Dependencies.h - What a translation unit read, for the cache -*- C++
//-*-===//
//
// A worker asked to record them (WorkerTask::DepsFile) wraps clang's file
// system and notes every path the parse looked at: the files it read with
// the hash of the bytes it read, the paths it found missing (an include
// searched along the path), the paths it only found present, and the
// directories it listed. The result cache (Cache.h) replays a translation
// unit only while all of them are as recorded, as ccache's direct mode
// does with its manifests.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_DEPENDENCIES_H
#define UNAWAITED_CLI_DEPENDENCIES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace unawaited::cli {

struct Dependency {
  enum Kind : char {
    File = 'f',    ///< read: Hash is fastHash() of its bytes
    Absent = 'a',  ///< looked up and not found
    Present = 'p', ///< found, never read
    Listing = 'd', ///< a directory listed: Hash of its sorted names
  };
  Kind K = Absent;
  std::string Path; ///< absolute, as clang spelled it
  std::string Hash;
  /// The file's stat when it was opened, so that an unchanged file need
  /// not be hashed again; all zero when unknown or too recent to trust.
  uint64_t Size = 0, Inode = 0;
  int64_t MTimeNs = 0, CTimeNs = 0;
};

/// The cache's hash of file contents: BLAKE3 (in hex), several times
/// faster than SHA-256, which would add a tenth to a cold run's CPU (a
/// Boost.Asio unit reads about 10 MB of headers).
std::string fastHash(llvm::StringRef Bytes);

/// One line per dependency; parseDependencies reads it back.
void writeDependencies(llvm::ArrayRef<Dependency> Deps, llvm::raw_ostream &OS);
llvm::Expected<std::vector<Dependency>> parseDependencies(llvm::StringRef Text);

/// A file's stat as Dependency keeps it; false when it cannot be stat'ed.
/// Trusted only when its ctime is older than a few seconds: a write in
/// the same clock tick as the stat would not change it (git's "racy
/// clean" problem).
bool statForCache(llvm::StringRef Path, Dependency &D);

/// fastHash() of the sorted names in directory \p Path; "" when it
/// cannot be listed.
std::string listingHash(llvm::StringRef Path);

/// A file system that passes everything through to \p Base and records
/// what was looked up and read.
class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  explicit RecordingFileSystem(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base)
      : ProxyFileSystem(std::move(Base)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override;
  bool exists(const llvm::Twine &Path) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;
  llvm::vfs::directory_iterator dir_begin(const llvm::Twine &Dir,
                                          std::error_code &EC) override;

  /// Everything recorded, files not read meanwhile hashed from disk.
  std::vector<Dependency> takeDependencies();

private:
  Dependency &note(const llvm::Twine &Path, Dependency::Kind K);
  std::map<std::string, Dependency> Seen;
};

} // namespace unawaited::cli

#endif
