from csto_kb.cli.app import main

main()
