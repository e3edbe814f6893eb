//===- ConfigFile.cpp -----------------------------------------------------===//
#include "ConfigFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace unawaited::plugin {

static std::string scalar(llvm::yaml::Node *N) {
  llvm::SmallString<64> Storage;
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
    return S->getValue(Storage).str();
  if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
    return B->getValue().str();
  return "";
}

llvm::Expected<TidyConfig> parseTidyConfig(llvm::StringRef Text,
                                           bool &InheritParent) {
  TidyConfig Config;
  InheritParent = false;
  llvm::SourceMgr SM;
  std::string Errors;
  llvm::raw_string_ostream ErrOS(Errors);
  // "<line>:<col>: <message>" of the first problem: the caller names the
  // file, as the CLI does ("invalid configuration in <file>:2:14: ...").
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto &OS = *static_cast<llvm::raw_string_ostream *>(Ctx);
        OS << D.getLineNo() << ":" << D.getColumnNo() + 1 << ": "
           << D.getMessage() << "\n";
      },
      &ErrOS);
  llvm::yaml::Stream Stream(Text, SM);
  auto Doc = Stream.begin();
  if (Doc == Stream.end() || !Doc->getRoot())
    return Config;
  auto *Root = llvm::dyn_cast<llvm::yaml::MappingNode>(Doc->getRoot());
  if (!Root) {
    if (llvm::isa<llvm::yaml::NullNode>(Doc->getRoot()))
      return Config;
    return llvm::createStringError("not a mapping");
  }
  for (llvm::yaml::KeyValueNode &KV : *Root) {
    std::string Key = scalar(KV.getKey());
    if (Key == "Checks") {
      Config.Checks = scalar(KV.getValue());
    } else if (Key == "InheritParentConfig") {
      InheritParent = scalar(KV.getValue()) == "true";
    } else if (Key == "CheckOptions") {
      llvm::yaml::Node *V = KV.getValue();
      if (auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(V)) {
        for (llvm::yaml::KeyValueNode &Opt : *Map)
          Config.CheckOptions[scalar(Opt.getKey())] = scalar(Opt.getValue());
      } else if (auto *Seq =
                     llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(V)) {
        // The older list form: [{key: K, value: V}, ...]
        for (llvm::yaml::Node &Item : *Seq) {
          auto *Entry = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item);
          if (!Entry)
            continue;
          std::string K, Val;
          for (llvm::yaml::KeyValueNode &F : *Entry) {
            std::string FK = scalar(F.getKey());
            if (FK == "key")
              K = scalar(F.getValue());
            else if (FK == "value")
              Val = scalar(F.getValue());
          }
          if (!K.empty())
            Config.CheckOptions[K] = Val;
        }
      }
    } else {
      KV.skip();
    }
  }
  if (Stream.failed())
    return llvm::createStringError(
        llvm::StringRef(Errors).trim().split('\n').first.str());
  return Config;
}

llvm::Expected<TidyConfig> loadConfigFor(llvm::StringRef SourceFile) {
  llvm::SmallString<256> Dir(SourceFile);
  (void)llvm::sys::fs::make_absolute(Dir); // no working directory: keep it
  llvm::sys::path::remove_filename(Dir);
  std::vector<TidyConfig> Chain; // nearest first
  while (!Dir.empty()) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, ".clang-tidy");
    if (llvm::sys::fs::exists(Path)) {
      auto Buf = llvm::MemoryBuffer::getFile(Path);
      if (!Buf)
        return llvm::createStringError(Buf.getError(), "cannot read %s",
                                       Path.c_str());
      bool Inherit = false;
      auto Parsed = parseTidyConfig((*Buf)->getBuffer(), Inherit);
      if (!Parsed) {
        std::string Problem = llvm::toString(Parsed.takeError());
        bool At = !Problem.empty() && llvm::isDigit(Problem.front());
        return llvm::createStringError("invalid configuration in %s%s%s",
                                       Path.c_str(), At ? ":" : ": ",
                                       Problem.c_str());
      }
      Chain.push_back(std::move(*Parsed));
      if (!Inherit)
        break;
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  TidyConfig Merged;
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It) {
    if (!It->Checks.empty())
      Merged.Checks += (Merged.Checks.empty() ? "" : ",") + It->Checks;
    for (auto &KV : It->CheckOptions)
      Merged.CheckOptions[KV.getKey()] = KV.getValue();
  }
  return Merged;
}

} // namespace unawaited::plugin
