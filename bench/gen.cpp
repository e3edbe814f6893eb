//===- gen.cpp - Writes a generated translation unit for bench/run.sh -----===//
//   unawaited_gen <statements> > big.cpp
#include "Generate.h"
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  unsigned N = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 1000;
  std::fputs(unawaited::bench::generateFunction(N).c_str(), stdout);
  return 0;
}
