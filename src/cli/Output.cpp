//===- Output.cpp ---------------------------------------------------------===//
#include "Output.h"
#include "SourceFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>

namespace unawaited::cli {

static const char *const Version = "0.1.0";

// Links in SARIF must work wherever the report is read (a CI upload), so
// they point to the project's home, never to local files.
static const char *const HomeURI = "https://github.com/unawaited/unawaited";
static const char *const ChecksDocURI =
    "https://github.com/unawaited/unawaited/blob/main/docs/checks/";

std::string sourceLine(llvm::StringRef File, unsigned Line) {
  return SourceFiles::shared().line(File, Line).str();
}

//===-- text --------------------------------------------------------------===//

static void writeLocation(llvm::raw_ostream &OS, bool Color,
                          llvm::StringRef File, unsigned Line, unsigned Col) {
  if (Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  OS << File << ":" << Line << ":" << Col << ": ";
  if (Color)
    OS.resetColor();
}

static void writeSnippet(llvm::raw_ostream &OS, bool Color,
                         llvm::StringRef File, unsigned Line, unsigned Col,
                         const std::vector<FixRecord> &Fixes) {
  std::string Src = sourceLine(File, Line);
  if (Src.empty())
    return;
  std::string Num = std::to_string(Line);
  std::string Pad(Num.size() + 1, ' ');
  OS << " " << Num << " | " << Src << "\n";
  OS << Pad << " | " << std::string(Col > 0 ? Col - 1 : 0, ' ');
  if (Color)
    OS.changeColor(llvm::raw_ostream::GREEN, true);
  OS << "^";
  if (Color)
    OS.resetColor();
  OS << "\n";
  // Insertions on this line, as clang prints fix-it hints.
  for (const FixRecord &F : Fixes) {
    if (F.File != File || F.Length != 0)
      continue;
    auto [FixLine, FixCol] = SourceFiles::shared().lineColumn(F.File, F.Offset);
    if (FixLine != Line)
      continue;
    OS << Pad << " | " << std::string(FixCol - 1, ' ');
    if (Color)
      OS.changeColor(llvm::raw_ostream::GREEN);
    OS << F.Text;
    if (Color)
      OS.resetColor();
    OS << "\n";
  }
}

static void writeText(const Report &R, llvm::raw_ostream &OS, bool Color) {
  for (const DiagRecord &D : R.Findings) {
    writeLocation(OS, Color, D.File, D.Line, D.Column);
    if (Color)
      OS.changeColor(D.Level == "error" ? llvm::raw_ostream::RED
                                        : llvm::raw_ostream::MAGENTA,
                     true);
    OS << D.Level << ": ";
    // Reset first, as clang does: bold alone keeps the label's colour, and
    // the whole message would be magenta.
    if (Color) {
      OS.resetColor();
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    }
    OS << D.Message << " [" << D.Check
       << (D.WarningAsError ? ",-warnings-as-errors" : "") << "]";
    if (Color)
      OS.resetColor();
    OS << "\n";
    writeSnippet(OS, Color, D.File, D.Line, D.Column, D.Fixes);
    for (const NoteRecord &N : D.Notes) {
      writeLocation(OS, Color, N.File, N.Line, N.Column);
      if (Color)
        OS.changeColor(llvm::raw_ostream::BLACK, true);
      OS << "note: ";
      if (Color)
        OS.resetColor();
      OS << N.Message << "\n";
      writeSnippet(OS, Color, N.File, N.Line, N.Column, N.Fixes);
    }
  }
}

//===-- json --------------------------------------------------------------===//

static llvm::json::Value fixesJSON(const std::vector<FixRecord> &Fixes) {
  llvm::json::Array A;
  for (const FixRecord &F : Fixes) {
    A.push_back(llvm::json::Object{{"file", F.File},
                                   {"offset", F.Offset},
                                   {"length", F.Length},
                                   {"replacement", F.Text}});
  }
  return A;
}

static llvm::json::Value findingJSON(const DiagRecord &D) {
  llvm::json::Array Notes;
  for (const NoteRecord &N : D.Notes) {
    Notes.push_back(llvm::json::Object{{"file", N.File},
                                       {"line", N.Line},
                                       {"column", N.Column},
                                       {"message", N.Message},
                                       {"fixes", fixesJSON(N.Fixes)}});
  }
  return llvm::json::Object{
      {"check", D.Check},         {"level", D.Level},
      {"file", D.File},           {"line", D.Line},
      {"column", D.Column},       {"message", D.Message},
      {"function", D.Function},   {"fixes", fixesJSON(D.Fixes)},
      {"notes", std::move(Notes)}};
}

static llvm::json::Value failureJSON(const Failure &F) {
  llvm::json::Array Errors;
  for (const DiagRecord &E : F.Errors) {
    Errors.push_back(llvm::json::Object{{"file", E.File},
                                        {"line", E.Line},
                                        {"column", E.Column},
                                        {"message", E.Message}});
  }
  return llvm::json::Object{
      {"file", F.File}, {"reason", F.Reason}, {"errors", std::move(Errors)}};
}

// The JSON and SARIF documents are streamed: one finding's tree at a time,
// never the whole report's (an llvm::json::Object takes kilobytes however
// few its keys, and a SARIF result has fifteen). Values print their keys
// sorted; the keys streamed here are written in that order by hand, so the
// output is what printing the whole tree would give.

static void writeJson(const Report &R, llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attributeArray("failures", [&] {
      for (const Failure &F : R.Failures)
        J.value(failureJSON(F));
    });
    J.attributeArray("findings", [&] {
      for (const DiagRecord &D : R.Findings)
        J.value(findingJSON(D));
    });
    J.attribute("summary", llvm::json::Object{{"files", R.FilesAnalysed},
                                              {"findings", R.Findings.size()},
                                              {"baselined", R.Suppressed}});
    J.attribute("tool", llvm::json::Object{{"name", "unawaited"},
                                           {"version", Version}});
    J.attribute("version", 1);
  });
  OS << "\n";
}

//===-- sarif -------------------------------------------------------------===//

static std::string fileURI(llvm::StringRef Path) {
  std::string Out = "file://";
  for (char C : Path) {
    if (isalnum(static_cast<unsigned char>(C)) || llvm::StringRef("/-_.~").contains(C))
      Out += C;
    else
      Out += llvm::formatv("%{0:X-2}", static_cast<unsigned char>(C)).str();
  }
  return Out;
}

static llvm::json::Object sarifLocation(llvm::StringRef File, unsigned Line,
                                        unsigned Col) {
  return llvm::json::Object{
      {"physicalLocation",
       llvm::json::Object{
           {"artifactLocation", llvm::json::Object{{"uri", fileURI(File)}}},
           {"region", llvm::json::Object{{"startLine", Line},
                                         {"startColumn", Col}}}}}};
}

static const char *ruleDescription(llvm::StringRef Check) {
  if (Check == "coro-discarded-task")
    return "A lazy coroutine task or awaitable is discarded; its body never "
           "runs.";
  if (Check == "coro-discarded-eager-task")
    return "An eager coroutine task is discarded; its result and exceptions "
           "are lost.";
  if (Check == "coro-unawaited-variable")
    return "A local task variable dies on some path without being awaited.";
  if (Check == "coro-unawaited-member")
    return "A data member is given a task that no function ever awaits.";
  return "unawaited finding";
}

static llvm::json::Value
sarifResult(const DiagRecord &D,
            const std::map<std::string, size_t> &RuleIndex) {
  llvm::json::Object Result{
      {"ruleId", D.Check},
      {"level", D.Level == "error" ? "error" : "warning"},
      {"message", llvm::json::Object{{"text", D.Message}}},
      {"locations",
       llvm::json::Array{sarifLocation(D.File, D.Line, D.Column)}}};
  if (!D.Function.empty()) {
    (*Result.getArray("locations"))[0].getAsObject()->try_emplace(
        "logicalLocations",
        llvm::json::Array{llvm::json::Object{{"fullyQualifiedName", D.Function},
                                             {"kind", "function"}}});
  }
  auto Idx = RuleIndex.find(D.Check);
  if (Idx != RuleIndex.end())
    Result["ruleIndex"] = Idx->second;
  if (!D.Notes.empty()) {
    llvm::json::Array Related;
    int Id = 0;
    for (const NoteRecord &N : D.Notes) {
      llvm::json::Object L = sarifLocation(N.File, N.Line, N.Column);
      L["id"] = Id++;
      L["message"] = llvm::json::Object{{"text", N.Message}};
      Related.push_back(std::move(L));
    }
    Result["relatedLocations"] = std::move(Related);
  }
  if (!D.Fixes.empty()) {
    std::map<std::string, llvm::json::Array> PerFile;
    for (const FixRecord &F : D.Fixes) {
      auto [SL, SC] = SourceFiles::shared().lineColumn(F.File, F.Offset);
      auto [EL, EC] =
          SourceFiles::shared().lineColumn(F.File, F.Offset + F.Length);
      PerFile[F.File].push_back(llvm::json::Object{
          {"deletedRegion", llvm::json::Object{{"startLine", SL},
                                               {"startColumn", SC},
                                               {"endLine", EL},
                                               {"endColumn", EC}}},
          {"insertedContent", llvm::json::Object{{"text", F.Text}}}});
    }
    llvm::json::Array Changes;
    for (auto &[File, Reps] : PerFile)
      Changes.push_back(llvm::json::Object{
          {"artifactLocation", llvm::json::Object{{"uri", fileURI(File)}}},
          {"replacements", std::move(Reps)}});
    Result["fixes"] = llvm::json::Array{llvm::json::Object{
        {"description", llvm::json::Object{{"text", "insert the fix-it"}}},
        {"artifactChanges", std::move(Changes)}}};
  }
  return Result;
}

static void writeSarif(const Report &R, llvm::raw_ostream &OS) {
  std::map<std::string, size_t> RuleIndex;
  for (const char *C : {"coro-discarded-task", "coro-discarded-eager-task",
                        "coro-unawaited-variable", "coro-unawaited-member"})
    RuleIndex.emplace(C, RuleIndex.size());
  llvm::json::Array Rules;
  // SARIF wants `name` to be a readable identifier distinct from `id`.
  const std::pair<const char *, const char *> RuleNames[] = {
      {"coro-discarded-task", "DiscardedTask"},
      {"coro-discarded-eager-task", "DiscardedEagerTask"},
      {"coro-unawaited-variable", "UnawaitedVariable"},
      {"coro-unawaited-member", "UnawaitedMember"}};
  for (auto [C, Name] : RuleNames) {
    Rules.push_back(llvm::json::Object{
        {"id", C},
        {"name", Name},
        {"shortDescription", llvm::json::Object{{"text", ruleDescription(C)}}},
        {"helpUri", std::string(ChecksDocURI) + C + ".md"},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}}});
  }
  llvm::json::Array Notifications;
  for (const Failure &F : R.Failures)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", llvm::json::Object{{"text", F.File + ": " + F.Reason}}}});
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute(
            "invocations",
            llvm::json::Array{llvm::json::Object{
                {"executionSuccessful", R.Failures.empty()},
                {"toolExecutionNotifications", std::move(Notifications)}}});
        J.attributeArray("results", [&] {
          for (const DiagRecord &D : R.Findings)
            J.value(sarifResult(D, RuleIndex));
        });
        J.attribute(
            "tool",
            llvm::json::Object{
                {"driver", llvm::json::Object{{"name", "unawaited"},
                                              {"version", Version},
                                              {"informationUri", HomeURI},
                                              {"rules", std::move(Rules)}}}});
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

//===-- github ------------------------------------------------------------===//

static std::string ghEscape(llvm::StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

static void writeGithub(const Report &R, llvm::raw_ostream &OS) {
  for (const DiagRecord &D : R.Findings) {
    OS << "::" << (D.Level == "error" ? "error" : "warning")
       << " file=" << ghEscape(D.File, true) << ",line=" << D.Line
       << ",col=" << D.Column << ",title=" << ghEscape(D.Check, true)
       << "::" << ghEscape(D.Message, false) << "\n";
  }
  for (const Failure &F : R.Failures)
    OS << "::error file=" << ghEscape(F.File, true)
       << ",title=unawaited::" << ghEscape(F.Reason, false) << "\n";
}

void writeReport(const Report &R, Format F, llvm::raw_ostream &OS,
                 bool Color) {
  switch (F) {
  case Format::Text:
    writeText(R, OS, Color);
    break;
  case Format::Json:
    writeJson(R, OS);
    break;
  case Format::Sarif:
    writeSarif(R, OS);
    break;
  case Format::Github:
    writeGithub(R, OS);
    break;
  }
}

} // namespace unawaited::cli
