//===- Consumption.cpp - What hands a task on, what only reads it ---------===//
//
// The rule predicates, and the hand-off summary of a callee's parameter.
//
//===----------------------------------------------------------------------===//
#include "Consumption.h"
#include "FunctionFlow.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace unawaited {

bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreImplicit());
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return VD && VD->getName() == "ignore" && VD->isInStdNamespace();
}

bool memberActsOnTask(const TypeClassifier &Classifier,
                      const CXXMethodDecl *M) {
  if (M->getDeclName().isIdentifier() && !M->getName().empty() &&
      Classifier.isConsumingMethod(M->getName()))
    return true;
  return !M->isConst() || M->getRefQualifier() == RQ_RValue;
}

bool isAddMethod(llvm::StringRef N) {
  return N == "push_back" || N == "emplace_back" || N == "push_front" ||
         N == "emplace_front" || N == "insert" || N == "emplace" ||
         N == "push" || N == "emplace_hint" || N == "try_emplace" ||
         N == "insert_or_assign" || N == "reserve" || N == "shrink_to_fit";
}

bool consumingParam(QualType P) {
  if (P.isNull())
    return true;
  if (const auto *Ref = P->getAs<LValueReferenceType>())
    return !Ref->getPointeeType().isConstQualified();
  return true;
}

QualType paramType(const FunctionDecl *Callee, unsigned I) {
  if (Callee && I < Callee->getNumParams())
    return Callee->getParamDecl(I)->getType();
  return {};
}

/// `T`, `const T&`, `T&&`, `auto`: any argument type is accepted, where
/// `const Task<T>&` only takes a task.
static bool isBareTypeParameter(QualType T) {
  T = T.getNonReferenceType().getUnqualifiedType();
  return isa<TemplateTypeParmType>(T.getCanonicalType());
}

bool isDeducedArgument(const Stmt *Child, const Stmt *P) {
  const auto *CE = dyn_cast_or_null<CallExpr>(P);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  const FunctionDecl *Pattern = FD && FD->getPrimaryTemplate()
                                    ? FD->getTemplateInstantiationPattern()
                                    : nullptr;
  if (!Pattern)
    return false;
  unsigned Offset =
      isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) ? 1 : 0;
  for (unsigned I = Offset; I < CE->getNumArgs(); ++I) {
    if (CE->getArg(I) != Child)
      continue;
    // A pack takes every argument from its position on.
    unsigned At = I - Offset;
    for (unsigned J = 0; J < Pattern->getNumParams(); ++J) {
      QualType T = Pattern->getParamDecl(J)->getType();
      if (const auto *Pack = T->getAs<PackExpansionType>())
        return isBareTypeParameter(Pack->getPattern());
      if (J == At)
        return isBareTypeParameter(T);
    }
    return false;
  }
  return false;
}

/// Only `(void)p` or no use at all: what a library's body is trusted for.
static bool onlyIgnores(const FunctionDecl *Def, const ParmVarDecl *P) {
  // Pre-order: the node visited before a reference, parentheses and
  // implicit casts aside, is its parent when that is its only operand.
  struct Uses : RecursiveASTVisitor<Uses> {
    const ParmVarDecl *P;
    const Stmt *Parent = nullptr;
    bool Other = false;
    bool VisitStmt(Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
          DRE && DRE->getDecl() == P) {
        const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(Parent);
        Other |= !Cast || !Cast->getType()->isVoidType();
      }
      if (!isa<ParenExpr, ImplicitCastExpr>(S))
        Parent = S;
      return !Other;
    }
  } U;
  U.P = P;
  U.TraverseStmt(Def->getBody());
  return !U.Other;
}

/// Whether the template \p Def was instantiated from names its parameter
/// \p I only inside pack expansions (`std::get<I>(std::move(t))...`) that
/// came out empty in \p Def, which never names it: a filter that kept
/// nothing, by its author's design, not a forgotten await.
static bool droppedByEmptyExpansion(const FunctionDecl *Def, unsigned I) {
  const FunctionDecl *Pattern = Def->getTemplateInstantiationPattern();
  if (!Pattern || I >= Pattern->getNumParams() || !Pattern->getBody() ||
      !Def->getBody())
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P;
    unsigned Depth = 1; // outside expansions too
    bool Found = false;
    bool TraversePackExpansionExpr(PackExpansionExpr *E) {
      ++Depth;
      RecursiveASTVisitor::TraversePackExpansionExpr(E);
      --Depth;
      return !Found;
    }
    bool TraverseCXXFoldExpr(CXXFoldExpr *E) {
      ++Depth;
      RecursiveASTVisitor::TraverseCXXFoldExpr(E);
      --Depth;
      return !Found;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      Found |= Depth && E->getDecl() == P;
      return !Found;
    }
  };
  Finder Here;
  Here.P = Def->getParamDecl(I);
  Here.TraverseStmt(Def->getBody());
  if (Here.Found)
    return false;
  Finder InPattern;
  InPattern.P = Pattern->getParamDecl(I);
  InPattern.Depth = 0;
  InPattern.TraverseStmt(Pattern->getBody());
  return InPattern.Found;
}

bool handsOnParameter(AnalysisContext &AC, const FunctionDecl *Callee,
                      unsigned I) {
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def) || !Def || I >= Def->getNumParams() ||
      Def->isDependentContext() || isa<CXXConstructorDecl>(Def))
    return true;
  // A runner (sync_wait, a blocking get) is what drives the task, whatever
  // a stand-in body in a test shows.
  if (AC.Classifier.isRunner(Callee))
    return true;
  // The body run may be an override's.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def);
      M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
      !M->getParent()->hasAttr<FinalAttr>())
    return true;
  auto [It, New] = AC.HandOffs.try_emplace({Def, I}, 2);
  if (!New)
    return It->second != 0;
  const ParmVarDecl *P = Def->getParamDecl(I);
  // A named by-value parameter of the user's own function is reported
  // where it dies, in the callee, once for all its callers. Outside
  // templates, an unnamed one is a deliberate sink (a stub, an overload).
  if ((!P->getName().empty() && !P->getType()->isReferenceType() &&
       !AC.isLibraryLocation(Def->getLocation())) ||
      (P->getName().empty() && !Def->getTemplateInstantiationPattern()))
    return true;
  bool HandsOn;
  // Library bodies are trusted only when plainly empty of uses: their
  // plumbing (builtins, unevaluated tricks) is not ours to model.
  if (AC.isLibraryLocation(Def->getLocation()))
    HandsOn = !onlyIgnores(Def, P);
  else if (AC.HandOffDepth >= 8)
    HandsOn = true;
  else {
    ++AC.HandOffDepth;
    HandsOn = flow::FunctionFlow(AC, Def).consumesParameter(P);
    --AC.HandOffDepth;
  }
  if (!HandsOn && droppedByEmptyExpansion(Def, I))
    HandsOn = true;
  AC.HandOffs[{Def, I}] = HandsOn;
  return HandsOn;
}

} // namespace unawaited
