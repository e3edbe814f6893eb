// Filled in with the example project.
