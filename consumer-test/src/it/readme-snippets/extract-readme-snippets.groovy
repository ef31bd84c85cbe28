// Copies the README's marked blocks into this project before it is built. A fenced block right
// after a line "<!-- consumer-test: PATH ... -->" is the content of PATH; for pom.xml it replaces
// the marker comment in this project's pom. A README without the marked blocks fails the build.
def text = new File(readme).getText('UTF-8')
def matcher = (text =~ /(?s)<!-- consumer-test: (\S+)[^\n]*-->\n```[a-z]*\n(.*?)\n```/)
def blocks = [:]
matcher.each { m -> blocks[m[1]] = m[2] }
if (!blocks.containsKey('pom.xml') || !blocks.keySet().any { it.endsWith('.java') }) {
    throw new IllegalStateException(readme + ' has no block marked "<!-- consumer-test: pom.xml -->" or none marked'
            + ' with a .java path; found ' + blocks.keySet())
}
blocks.each { path, body ->
    if (path == 'pom.xml') {
        def pom = new File(basedir, 'pom.xml')
        def marker = '<!-- README dependency block -->'
        def template = pom.getText('UTF-8')
        if (!template.contains(marker)) {
            throw new IllegalStateException(pom.toString() + ' lost its marker ' + marker)
        }
        pom.write(template.replace(marker, body), 'UTF-8')
    } else {
        def file = new File(basedir, path)
        file.parentFile.mkdirs()
        file.write(body + '\n', 'UTF-8')
    }
    println 'README.md -> ' + path
}
return true
