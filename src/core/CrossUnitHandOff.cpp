//===- CrossUnitHandOff.cpp - Hand-offs whose callee is in another unit ---===//
#include "CrossUnitHandOff.h"
#include "AstUtils.h"
#include "flow/Consumption.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace unawaited {

std::optional<CheckId> droppedTaskCheck(const TypeInfo &Info) {
  if (Info.mustBeAwaited())
    return CheckId::DiscardedTask;
  if (Info.Kind == TaskKind::EagerTask)
    return CheckId::DiscardedEagerTask;
  return std::nullopt;
}

std::string handOffKey(AnalysisContext &AC, const FunctionDecl *FD,
                       unsigned I) {
  const FunctionDecl *First = FD->getCanonicalDecl();
  if (I >= FD->getNumParams() || isa<CXXConstructorDecl>(FD) ||
      FD->isDependentContext() ||
      FD->getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
      !FD->isExternallyVisible() ||
      AC.isLibraryLocation(First->getLocation()) || AC.Classifier.isRunner(FD))
    return "";
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
      M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
      !M->getParent()->hasAttr<FinalAttr>())
    return "";
  // By value, the definition's unit decides alone: a named parameter dies
  // there (coro-unawaited-variable), an unnamed one is a deliberate sink.
  // A call's task binds only to `T&&` or `const T&`; an operator's
  // operand is no helper's argument (Analysis.cpp).
  QualType T = FD->getParamDecl(I)->getType();
  if (!T->isRValueReferenceType() &&
      !(T->isLValueReferenceType() &&
        T.getNonReferenceType().isConstQualified()))
    return "";
  if (FD->isOverloadedOperator())
    return "";
  // Qualified name and type are the same in every unit; the file of the
  // first declaration keeps apart two programs' functions of one name.
  SourceLocation Where = AC.SM.getExpansionLoc(First->getLocation());
  return (llvm::Twine(HandOffKeyPrefix) + FD->getQualifiedNameAsString() + " " +
          FD->getType().getCanonicalType().getAsString() + "@" +
          llvm::sys::path::filename(AC.SM.getFilename(Where)) + "#" +
          llvm::Twine(I))
      .str();
}

std::string dropNote(const FunctionDecl *Callee, const ParmVarDecl *P,
                     unsigned I) {
  const auto *M = dyn_cast<CXXMethodDecl>(Callee);
  std::string Who = M && M->getParent()->isLambda()
                        ? std::string("the lambda")
                        : "'" + Callee->getNameAsString() + "'";
  std::string Param = P->getName().empty()
                          ? "its parameter " + std::to_string(I + 1)
                          : "its parameter '" + P->getNameAsString() + "'";
  return Who + " drops " + Param + " without awaiting it";
}

void sendHandOffFacts(AnalysisContext &AC, const FunctionDecl *Def) {
  // An inline body is in every unit that calls the function: no caller
  // lacks it.
  if (!Def->doesThisDeclarationHaveABody() || Def->isInlined())
    return;
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    const ParmVarDecl *P = Def->getParamDecl(I);
    if (!P->getType()->isReferenceType())
      continue; // handOffKey's first test, before the classifier's
    QualType T = P->getType().getNonReferenceType().getUnqualifiedType();
    std::optional<CheckId> Check = droppedTaskCheck(AC.Classifier.classify(T));
    // The walk of the check that would report the call sends the fact; a
    // copyable task is never a candidate.
    if (!Check || !AC.Checks.isEnabled(*Check) || isCopyableType(T))
      continue;
    HandOffFact F;
    F.Key = handOffKey(AC, Def, I);
    if (F.Key.empty())
      continue;
    F.HandsOn = handsOnParameter(AC, Def, I);
    if (!F.HandsOn) {
      SourceLocation L = AC.SM.getFileLoc(P->getLocation());
      F.NoteFile = AC.SM.getFilename(L).str();
      F.NoteOffset = AC.SM.getFileOffset(L);
      F.Note = dropNote(Def, P, I);
    }
    AC.handOffFact(F);
  }
}

} // namespace unawaited
