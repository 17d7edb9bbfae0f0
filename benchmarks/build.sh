# Sourced by the benchmark scripts: builds the benchmark classes and sets $cp to their class path.
"$root/mvnw" -q -B -f "$root/pom.xml" -DskipTests -pl benchmarks -am package
cp="$root/benchmarks/target/classes:$root/benchmarks/target/lib/*"
