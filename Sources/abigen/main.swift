import AbigenCLI

Abigen.main()
