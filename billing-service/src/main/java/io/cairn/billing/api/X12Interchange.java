package io.cairn.billing.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An X12 interchange in the API document: text, one segment a line as Cairn writes it. */
@Schema(name = "X12Interchange", type = SchemaType.STRING, description = "An X12 interchange (ISA to IEA)", example = """
        ISA*00*          *00*          *ZZ*BVHP1          *ZZ*CAIRNDEMO      *261215*0930*^*00501*000004711*0*P*:~
        GS*HP*BVHP1*CAIRNDEMO*20261215*0930*4711*X*005010X221A1~
        ST*835*0001*005010X221A1~
        BPR*I*310*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261215~
        TRN*1*EFT20261215001*1512345678~
        N1*PR*Blue Valley Health Plan~
        N1*PE*Cairn Demo Clinic*XX*1234567893~
        LX*1~
        CLP*5E1A7C3B9D2F4B8EA6C1*1*310*310**CI*BV26121500017*13*1~
        SVC*HC:S9480*310*310**1~
        DTM*472*20261102~
        SE*11*0001~
        GE*1*4711~
        IEA*1*000004711~
        """)
final class X12Interchange {

    private X12Interchange() {
    }
}
