<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Validation</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character {pos} “{ch}” cannot appear in a unified social credit code (the letters I, O, Z, S and V are never used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character should be “{expected}”, not “{actual}”. Some early codes fail this check; confirm that you copied it from the licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters; this one has {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character {pos} “{ch}” of an ID number must be a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X, not “{ch}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 7–14 “{digits}” are not a possible birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character should be “{expected}”, not “{actual}”: a digit was probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a phone number: a mobile has 11 digits starting with 1, a landline starts with its area code, e.g. 0534-1234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a mobile number: it has 11 digits starting with 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
