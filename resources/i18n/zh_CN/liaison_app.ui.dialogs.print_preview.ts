<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Preview: {form}</source>
        <extracomment>The resolution pages are rendered at for a printer (at most).</extracomment>
        <translation>预览：{form}</translation>
    </message>
    <message>
        <source>Print full ID numbers (this form allows it when the authority requires them)</source>
        <translation>打印完整身份证号（审批机关要求时本表允许）</translation>
    </message>
    <message>
        <source>Stop printing</source>
        <translation>停止打印</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Filling in the form…</source>
        <translation>正在填写表单…</translation>
    </message>
    <message>
        <source>{pages} pages · fonts: body (Song) {body}, titles (Hei) {heading}, letters (FangSong) {letter}</source>
        <translation>共 {pages} 页 · 字体：正文（宋）{body}，标题（黑）{heading}，函件（仿宋）{letter}</translation>
    </message>
    <message>
        <source>; rare characters: {fonts}</source>
        <translation>；生僻字：{fonts}</translation>
    </message>
    <message>
        <source>Full ID numbers are on this form. Printing or saving it is logged.</source>
        <translation>本表含完整身份证号，打印或保存都会记录在审计日志中。</translation>
    </message>
    <message>
        <source>The form says “{number}”: the server gives its number when this computer next syncs. Print it again after syncing to carry the number.</source>
        <translation>表上印的是“{number}”：文号在本机下次同步时由服务器编定。同步后重新打印即带正式文号。</translation>
    </message>
    <message>
        <source>Print full ID numbers?</source>
        <translation>打印完整身份证号？</translation>
    </message>
    <message>
        <source>Full ID numbers should be printed only where the authority requires them on this form. A lost printout exposes them. The print will be logged with your name. Print full numbers?</source>
        <translation>只有审批机关要求时才应在本表打印完整身份证号，打印件遗失会泄露个人信息。本次打印将以您的名义记录。确定打印完整号码吗？</translation>
    </message>
    <message>
        <source>Sending {n} pages to the printer…</source>
        <translation>正在把 {n} 页发送到打印机…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Printing was stopped after {n} pages; it was not logged as printed.</source>
        <translation>打印在第 {n} 页后停止，未记为已打印。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
</TS>
