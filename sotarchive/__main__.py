from sotarchive.cli import main

main()
