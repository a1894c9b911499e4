import AbigenCLI

Abigen.runMain()
