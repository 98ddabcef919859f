package reports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The page's markup read with an XML parser: it is written well-formed, so a name that was not escaped breaks
 * the parse or shows up as an element, instead of passing unnoticed.
 */
final class Markup {

    private Markup() {
    }

    static Element parse(String markup) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup))).getDocumentElement();
    }

    /** The elements the XPath expression finds (element names without namespaces: the parser is not namespace-aware). */
    static List<Element> all(Node node, String xpath) throws Exception {
        NodeList found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, node, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            elements.add((Element) found.item(i));
        }
        return elements;
    }

    static List<String> texts(Node node, String xpath) throws Exception {
        return all(node, xpath).stream().map(e -> e.getTextContent().strip()).toList();
    }
}
