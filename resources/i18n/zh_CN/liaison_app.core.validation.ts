<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Validation</name>
    <message>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码应为 18 位，当前为 {n} 位。</translation>
    </message>
    <message>
        <source>Character {pos} “{ch}” cannot appear in a unified social credit code (the letters I, O, Z, S and V are never used).</source>
        <translation>第 {pos} 位“{ch}”不能出现在统一社会信用代码中（代码不使用字母 I、O、Z、S、V）。</translation>
    </message>
    <message>
        <source>The check character should be “{expected}”, not “{actual}”. Some early codes fail this check; confirm that you copied it from the licence.</source>
        <translation>校验码应为“{expected}”，而不是“{actual}”。部分早期代码无法通过校验，请对照营业执照确认无误。</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters; this one has {n}.</source>
        <translation>居民身份证号码应为 18 位，当前为 {n} 位。</translation>
    </message>
    <message>
        <source>Character {pos} “{ch}” of an ID number must be a digit.</source>
        <translation>身份证号码第 {pos} 位“{ch}”应为数字。</translation>
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X, not “{ch}”.</source>
        <translation>身份证号码最后一位应为数字或 X，而不是“{ch}”。</translation>
    </message>
    <message>
        <source>Characters 7–14 “{digits}” are not a possible birth date.</source>
        <translation>第 7–14 位“{digits}”不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The check character should be “{expected}”, not “{actual}”: a digit was probably mistyped.</source>
        <translation>校验码应为“{expected}”，而不是“{actual}”，可能有数字输错。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number: a mobile has 11 digits starting with 1, a landline starts with its area code, e.g. 0534-1234567.</source>
        <translation>“{value}”不是有效的电话号码：手机号为以 1 开头的 11 位数字，固定电话应带区号，如 0534-1234567。</translation>
    </message>
    <message>
        <source>“{value}” is not a mobile number: it has 11 digits starting with 1.</source>
        <translation>“{value}”不是有效的手机号码：手机号为以 1 开头的 11 位数字。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
</context>
</TS>
