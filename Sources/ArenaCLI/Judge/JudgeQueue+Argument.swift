import ArgumentParser

/// `arena judge --order active|random|file`: argument-parser refuses other values and `--help` lists these.
extension JudgeQueue.Order: ExpressibleByArgument {}
