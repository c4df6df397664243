<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printing</name>
    <message>
        <source>The character “{char}” ({code}) in “{field}” cannot be printed: no font on this computer has it, and printing another character in its place could change a name. Install a font that has it (the set-up installs the Hanazono fonts) or correct the text.</source>
        <extracomment>&quot;song&quot; (body), &quot;hei&quot; (titles), &quot;fang&quot; (letters), &quot;kai&quot; (stands in for fang), &quot;ext&quot; (extension planes only: never a role&apos;s face, only a per-glyph fallback). Which styles may serve each role, in order; the body face closes every list.</extracomment>
        <translation>“{field}”中的字符“{char}”（{code}）无法打印：本机没有任何字体包含该字，用其他字代替可能改变姓名。请安装包含该字的字体（安装程序会安装花园明朝字体），或更正文字。</translation>
    </message>
    <message>
        <source>The character “{char}” ({code}) cannot be printed: no font on this computer has it, and printing another character in its place could change a name. Install a font that has it (the set-up installs the Hanazono fonts) or correct the text.</source>
        <translation>字符“{char}”（{code}）无法打印：本机没有任何字体包含该字，用其他字代替可能改变姓名。请安装包含该字的字体（安装程序会安装花园明朝字体），或更正文字。</translation>
    </message>
</context>
</TS>
