//===- AstUtils.cpp -------------------------------------------------------===//
#include "AstUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace unawaited {

std::string qualifiedNameNoArgs(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isInline())
        continue;
      Parts.push_back(NS->isAnonymousNamespace() ? "(anonymous namespace)"
                                                 : NS->getNameAsString());
    } else if (const auto *RD = dyn_cast<RecordDecl>(C)) {
      Parts.push_back(RD->getNameAsString());
    } else if (isa<FunctionDecl>(C)) {
      Parts.push_back(cast<FunctionDecl>(C)->getNameAsString());
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Out += *It;
    Out += "::";
  }
  Out += D->getNameAsString();
  return Out;
}

std::string enclosingFunctionName(const FunctionDecl *FD) {
  const DeclContext *C = FD;
  while (C) {
    const auto *F = dyn_cast<FunctionDecl>(C);
    if (F && !isLambdaCallOperator(F))
      return qualifiedNameNoArgs(F);
    C = C->getParent();
  }
  return "";
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD;
  if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return CTD->getTemplatedDecl();
  }
  if (const auto *ICN = T->getAs<InjectedClassNameType>())
    return ICN->getDecl();
  // `typename Outer<T>::Member` in a pattern: look Member up in Outer's
  // pattern, so promises inherited from dependent bases are still seen.
  if (const auto *DN = T->getAs<DependentNameType>()) {
    const NestedNameSpecifier *Q = DN->getQualifier();
    if (Q && Q->getAsType()) {
      if (const NamedDecl *M =
              findMember(recordOf(QualType(Q->getAsType(), 0)),
                         DeclarationName(DN->getIdentifier()))) {
        if (const auto *RD = dyn_cast<CXXRecordDecl>(M))
          return RD;
        if (const auto *TD = dyn_cast<TypedefNameDecl>(M))
          return recordOf(TD->getUnderlyingType());
      }
    }
  }
  return nullptr;
}

const CXXRecordDecl *inspectable(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    return Def;
  if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
    return Pattern->getDefinition() ? Pattern->getDefinition() : Pattern;
  // An implicit specialisation that was never instantiated has no pattern
  // recorded yet: fall back to the primary template.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const CXXRecordDecl *Primary =
            Spec->getSpecializedTemplate()->getTemplatedDecl())
      return Primary->getDefinition();
  if (const CXXRecordDecl *Member = RD->getInstantiatedFromMemberClass())
    return Member->getDefinition();
  return nullptr;
}

static const NamedDecl *findMemberImpl(const CXXRecordDecl *RD,
                                       DeclarationName Name, unsigned Depth) {
  RD = inspectable(RD);
  if (!RD || Depth > 8)
    return nullptr;
  for (const NamedDecl *D : RD->lookup(Name)) {
    // A class's own name is visible inside it; it is not a member.
    if (const auto *R = dyn_cast<CXXRecordDecl>(D); R && R->isInjectedClassName())
      continue;
    return D;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const NamedDecl *D = findMemberImpl(recordOf(B.getType()), Name,
                                            Depth + 1))
      return D;
  return nullptr;
}

const NamedDecl *findMember(const CXXRecordDecl *RD, DeclarationName Name) {
  return findMemberImpl(RD, Name, 0);
}

const NamedDecl *findMember(const CXXRecordDecl *RD, llvm::StringRef Name) {
  if (!RD)
    return nullptr;
  IdentifierInfo &II = RD->getASTContext().Idents.get(Name);
  return findMember(RD, DeclarationName(&II));
}

static const ClassTemplateDecl *templateOf(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate()->getCanonicalDecl();
  if (const ClassTemplateDecl *CTD = RD->getDescribedClassTemplate())
    return CTD->getCanonicalDecl();
  return nullptr;
}

bool isSameOrDerivedRecord(const CXXRecordDecl *RD, const CXXRecordDecl *Base) {
  if (!RD || !Base)
    return false;
  if (RD->getCanonicalDecl() == Base->getCanonicalDecl())
    return true;
  const ClassTemplateDecl *BT = templateOf(Base);
  if (BT && templateOf(RD) == BT)
    return true;
  const CXXRecordDecl *Def = inspectable(RD);
  if (!Def)
    return false;
  for (const CXXBaseSpecifier &B : Def->bases())
    if (isSameOrDerivedRecord(recordOf(B.getType()), Base))
      return true;
  return false;
}

bool isCopyableType(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyConstructor())
      return !C->isDeleted() && C->getAccess() != AS_private &&
             C->getAccess() != AS_protected;
  // Not declared yet: the implicit one, unless a move member or a member
  // that cannot be copied deletes it.
  return RD->needsImplicitCopyConstructor() &&
         !RD->hasUserDeclaredMoveConstructor() &&
         !RD->hasUserDeclaredMoveAssignment() &&
         !RD->defaultedCopyConstructorIsDeleted();
}

bool isStdMoveLike(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || CE->getNumArgs() != 1 || !FD->isInStdNamespace() ||
      !FD->getDeclName().isIdentifier())
    return false;
  return FD->getName() == "move" || FD->getName() == "forward";
}

const Expr *ignoreTemporaries(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = E->IgnoreParens();
    if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E))
      E = IC->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 && C->isElidable())
      E = C->getArg(0);
    if (E == Prev)
      break;
  }
  return E;
}

const FunctionDecl *asFunction(const NamedDecl *D) {
  if (!D)
    return nullptr;
  D = D->getUnderlyingDecl();
  if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
    return FTD->getTemplatedDecl();
  return dyn_cast<FunctionDecl>(D);
}

} // namespace unawaited
