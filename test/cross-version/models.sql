-- Made by test/cross-version/make-dump.sh on PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu
-- with OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64; restored by check.sh.
--
-- PostgreSQL database dump
--

\restrict yI3TwuTntyRxxZ1G3EeOSeaEftkIQBZVYYnphlhvtAYv7wR7L8wPj2OpKXtK9Kt

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: recfair; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA recfair;


--
-- Name: recfair; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS recfair WITH SCHEMA recfair;


--
-- Name: EXTENSION recfair; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION recfair IS 'recommender models trained, served and evaluated in SQL, with fair exposure across item groups';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: cross_version_lists; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cross_version_lists (
    call text,
    arg integer,
    rank integer,
    item_id bigint,
    score real
);


--
-- Name: cv_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cv_items (
    item_id bigint NOT NULL,
    brand text NOT NULL,
    category text NOT NULL,
    price_tier text NOT NULL,
    price numeric(10,2) NOT NULL
);


--
-- Data for Name: cross_version_lists; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.cross_version_lists (call, arg, rank, item_id, score) FROM stdin;
recommend cv_als	1	1	34	1.0784448
recommend cv_als	1	2	55	0.7526214
recommend cv_als	1	3	126	0.6469036
recommend cv_als	1	4	50	0.6139777
recommend cv_als	1	5	25	0.5892345
recommend cv_als	2	1	1	0.6163313
recommend cv_als	2	2	13	0.5910548
recommend cv_als	2	3	31	0.5671841
recommend cv_als	2	4	126	0.5126888
recommend cv_als	2	5	28	0.4825279
recommend cv_als	3	1	91	0.76158285
recommend cv_als	3	2	9	0.515445
recommend cv_als	3	3	10	0.45349768
recommend cv_als	3	4	53	0.4141891
recommend cv_als	3	5	142	0.3838241
recommend cv_als	4	1	19	0.81361187
recommend cv_als	4	2	134	0.79997313
recommend cv_als	4	3	148	0.6045492
recommend cv_als	4	4	1	0.48289335
recommend cv_als	4	5	132	0.43865424
recommend cv_als	5	1	7	0.582052
recommend cv_als	5	2	35	0.56777376
recommend cv_als	5	3	126	0.52098924
recommend cv_als	5	4	99	0.48449782
recommend cv_als	5	5	64	0.41194087
recommend cv_als	6	1	20	0.8219198
recommend cv_als	6	2	24	0.7600622
recommend cv_als	6	3	14	0.70460635
recommend cv_als	6	4	3	0.61420983
recommend cv_als	6	5	89	0.60766596
recommend cv_als	7	1	34	0.82731485
recommend cv_als	7	2	55	0.5403977
recommend cv_als	7	3	64	0.47103357
recommend cv_als	7	4	134	0.428716
recommend cv_als	7	5	7	0.38660204
recommend cv_als	8	1	97	0.65848327
recommend cv_als	8	2	131	0.56770176
recommend cv_als	8	3	77	0.43562213
recommend cv_als	8	4	24	0.4238804
recommend cv_als	8	5	140	0.40460402
recommend cv_als	9	1	136	0.5042043
recommend cv_als	9	2	1	0.48271477
recommend cv_als	9	3	110	0.46410224
recommend cv_als	9	4	132	0.44536948
recommend cv_als	9	5	37	0.42082202
recommend cv_als	10	1	53	0.37811935
recommend cv_als	10	2	145	0.33151436
recommend cv_als	10	3	20	0.27906835
recommend cv_als	10	4	9	0.2698542
recommend cv_als	10	5	7	0.23969468
recommend cv_als	11	1	36	0.8263395
recommend cv_als	11	2	131	0.4997012
recommend cv_als	11	3	77	0.46371275
recommend cv_als	11	4	53	0.4384609
recommend cv_als	11	5	4	0.4227751
recommend cv_als	12	1	97	0.84914196
recommend cv_als	12	2	77	0.6239511
recommend cv_als	12	3	86	0.51634365
recommend cv_als	12	4	24	0.4731259
recommend cv_als	12	5	80	0.46090543
recommend cv_als	13	1	15	0.89822984
recommend cv_als	13	2	59	0.5327612
recommend cv_als	13	3	138	0.4992825
recommend cv_als	13	4	60	0.49261627
recommend cv_als	13	5	62	0.45173812
recommend cv_als	14	1	27	0.41855228
recommend cv_als	14	2	9	0.35534638
recommend cv_als	14	3	2	0.31085077
recommend cv_als	14	4	56	0.29483876
recommend cv_als	14	5	111	0.28217167
recommend cv_als	15	1	15	0.8204209
recommend cv_als	15	2	59	0.51288396
recommend cv_als	15	3	67	0.49490067
recommend cv_als	15	4	138	0.43962815
recommend cv_als	15	5	60	0.43815157
recommend cv_als	16	1	10	0.6157801
recommend cv_als	16	2	113	0.59075654
recommend cv_als	16	3	11	0.56193966
recommend cv_als	16	4	142	0.5076256
recommend cv_als	16	5	9	0.46404934
recommend cv_als	17	1	20	0.8601391
recommend cv_als	17	2	131	0.67692244
recommend cv_als	17	3	140	0.6251098
recommend cv_als	17	4	3	0.47238505
recommend cv_als	17	5	86	0.46915773
recommend cv_als	18	1	125	0.6552492
recommend cv_als	18	2	126	0.55630255
recommend cv_als	18	3	119	0.54815024
recommend cv_als	18	4	25	0.54709697
recommend cv_als	18	5	32	0.50146884
recommend cv_als	19	1	20	0.68589795
recommend cv_als	19	2	31	0.52670276
recommend cv_als	19	3	131	0.5175515
recommend cv_als	19	4	140	0.49551386
recommend cv_als	19	5	135	0.45716754
recommend cv_als	20	1	67	0.5925193
recommend cv_als	20	2	138	0.5315245
recommend cv_als	20	3	60	0.5070293
recommend cv_als	20	4	134	0.37803513
recommend cv_als	20	5	2	0.37377515
recommend cv_als	21	1	132	0.51211095
recommend cv_als	21	2	37	0.5011496
recommend cv_als	21	3	99	0.46112403
recommend cv_als	21	4	28	0.45090714
recommend cv_als	21	5	23	0.4384692
recommend cv_als	22	1	35	0.8331373
recommend cv_als	22	2	70	0.5912241
recommend cv_als	22	3	59	0.5141607
recommend cv_als	22	4	67	0.4363076
recommend cv_als	22	5	138	0.4004863
recommend cv_als	23	1	9	0.59917945
recommend cv_als	23	2	90	0.5218294
recommend cv_als	23	3	27	0.39278987
recommend cv_als	23	4	129	0.38838032
recommend cv_als	23	5	99	0.35116112
recommend cv_als	24	1	4	0.7506224
recommend cv_als	24	2	70	0.63139296
recommend cv_als	24	3	67	0.49214494
recommend cv_als	24	4	59	0.46954066
recommend cv_als	24	5	60	0.43888134
recommend cv_als	25	1	70	0.66063577
recommend cv_als	25	2	59	0.5724724
recommend cv_als	25	3	67	0.49670342
recommend cv_als	25	4	60	0.45921144
recommend cv_als	25	5	62	0.36241466
recommend cv_als	26	1	129	0.6817007
recommend cv_als	26	2	148	0.6511531
recommend cv_als	26	3	1	0.58999425
recommend cv_als	26	4	132	0.50899047
recommend cv_als	26	5	20	0.464792
recommend cv_als	27	1	48	0.72471154
recommend cv_als	27	2	70	0.71881235
recommend cv_als	27	3	67	0.4979713
recommend cv_als	27	4	138	0.4780497
recommend cv_als	27	5	145	0.3929621
recommend cv_als	28	1	70	0.6476399
recommend cv_als	28	2	128	0.6141131
recommend cv_als	28	3	67	0.57053286
recommend cv_als	28	4	60	0.566224
recommend cv_als	28	5	54	0.5471739
recommend cv_als	29	1	24	0.63256663
recommend cv_als	29	2	31	0.60123163
recommend cv_als	29	3	3	0.5801826
recommend cv_als	29	4	137	0.54143095
recommend cv_als	29	5	80	0.5055024
recommend cv_als	30	1	129	0.7450642
recommend cv_als	30	2	148	0.493877
recommend cv_als	30	3	1	0.4726697
recommend cv_als	30	4	136	0.455018
recommend cv_als	30	5	104	0.4375261
recommend cv_als	31	1	27	0.57391214
recommend cv_als	31	2	55	0.55856204
recommend cv_als	31	3	108	0.5477496
recommend cv_als	31	4	74	0.5457407
recommend cv_als	31	5	56	0.46448615
recommend cv_als	32	1	4	0.5242886
recommend cv_als	32	2	148	0.5097681
recommend cv_als	32	3	1	0.4839819
recommend cv_als	32	4	104	0.47913218
recommend cv_als	32	5	136	0.47108275
recommend cv_als	33	1	27	0.6324868
recommend cv_als	33	2	108	0.5621276
recommend cv_als	33	3	74	0.5164196
recommend cv_als	33	4	120	0.46896785
recommend cv_als	33	5	56	0.452805
recommend cv_als	34	1	145	0.97321165
recommend cv_als	34	2	140	0.6434073
recommend cv_als	34	3	55	0.61730504
recommend cv_als	34	4	20	0.60653484
recommend cv_als	34	5	131	0.5608118
recommend cv_als	35	1	4	0.90847635
recommend cv_als	35	2	48	0.6861943
recommend cv_als	35	3	70	0.67371225
recommend cv_als	35	4	67	0.5469022
recommend cv_als	35	5	62	0.4866752
recommend cv_als	36	1	111	0.6534406
recommend cv_als	36	2	27	0.5755487
recommend cv_als	36	3	74	0.50520676
recommend cv_als	36	4	108	0.4816384
recommend cv_als	36	5	38	0.46079007
recommend cv_als	37	1	28	0.53478664
recommend cv_als	37	2	23	0.53292453
recommend cv_als	37	3	95	0.4909402
recommend cv_als	37	4	77	0.47373718
recommend cv_als	37	5	14	0.46403942
recommend cv_als	38	1	19	0.61199844
recommend cv_als	38	2	1	0.5034728
recommend cv_als	38	3	55	0.48242748
recommend cv_als	38	4	132	0.45525384
recommend cv_als	38	5	148	0.449315
recommend cv_als	39	1	90	0.722047
recommend cv_als	39	2	53	0.51709265
recommend cv_als	39	3	19	0.4686182
recommend cv_als	39	4	126	0.45720804
recommend cv_als	39	5	44	0.44599512
recommend cv_als	40	1	129	0.72991854
recommend cv_als	40	2	19	0.6630457
recommend cv_als	40	3	55	0.57738847
recommend cv_als	40	4	104	0.46772414
recommend cv_als	40	5	136	0.4146484
recommend cv_als	41	1	2	0.89138913
recommend cv_als	41	2	116	0.8521166
recommend cv_als	41	3	124	0.61724114
recommend cv_als	41	4	38	0.60053045
recommend cv_als	41	5	134	0.55576706
recommend cv_als	42	1	20	0.66387796
recommend cv_als	42	2	35	0.65390444
recommend cv_als	42	3	36	0.6110726
recommend cv_als	42	4	70	0.51644796
recommend cv_als	42	5	48	0.47602367
recommend cv_als	43	1	2	0.4105088
recommend cv_als	43	2	116	0.38653874
recommend cv_als	43	3	27	0.37953383
recommend cv_als	43	4	54	0.3222872
recommend cv_als	43	5	134	0.3186424
recommend cv_als	44	1	129	0.8084575
recommend cv_als	44	2	136	0.54077595
recommend cv_als	44	3	132	0.4983266
recommend cv_als	44	4	104	0.49584097
recommend cv_als	44	5	9	0.4701451
recommend cv_als	45	1	118	0.72102284
recommend cv_als	45	2	71	0.6744015
recommend cv_als	45	3	142	0.6712069
recommend cv_als	45	4	135	0.6488887
recommend cv_als	45	5	14	0.64794785
recommend cv_als	46	1	125	0.5153616
recommend cv_als	46	2	119	0.46960744
recommend cv_als	46	3	50	0.45721287
recommend cv_als	46	4	78	0.4022342
recommend cv_als	46	5	126	0.39750397
recommend cv_als	47	1	65	0.64728725
recommend cv_als	47	2	91	0.6110957
recommend cv_als	47	3	10	0.42162356
recommend cv_als	47	4	16	0.3335421
recommend cv_als	47	5	9	0.32512075
recommend cv_als	48	1	2	0.73141134
recommend cv_als	48	2	116	0.6877491
recommend cv_als	48	3	111	0.62379366
recommend cv_als	48	4	56	0.56209505
recommend cv_als	48	5	108	0.5153007
recommend cv_als	49	1	15	0.70687056
recommend cv_als	49	2	48	0.6040105
recommend cv_als	49	3	55	0.5425968
recommend cv_als	49	4	70	0.5425568
recommend cv_als	49	5	59	0.45135704
recommend cv_als	50	1	15	0.846182
recommend cv_als	50	2	48	0.6731962
recommend cv_als	50	3	59	0.5477596
recommend cv_als	50	4	60	0.44130164
recommend cv_als	50	5	62	0.31923884
recommend cv_als	51	1	11	0.48552826
recommend cv_als	51	2	10	0.44274235
recommend cv_als	51	3	113	0.39470148
recommend cv_als	51	4	9	0.36041412
recommend cv_als	51	5	30	0.3536464
recommend cv_als	52	1	15	0.909473
recommend cv_als	52	2	48	0.7346186
recommend cv_als	52	3	59	0.56183887
recommend cv_als	52	4	60	0.51051015
recommend cv_als	52	5	138	0.50257534
recommend cv_als	53	1	55	0.83022213
recommend cv_als	53	2	34	0.6186559
recommend cv_als	53	3	50	0.36951292
recommend cv_als	53	4	125	0.3615932
recommend cv_als	53	5	119	0.34648287
recommend cv_als	54	1	34	0.5350232
recommend cv_als	54	2	50	0.46647775
recommend cv_als	54	3	54	0.4656368
recommend cv_als	54	4	20	0.42804533
recommend cv_als	54	5	125	0.40792042
recommend cv_als	55	1	36	0.88195753
recommend cv_als	55	2	97	0.6527512
recommend cv_als	55	3	24	0.54422224
recommend cv_als	55	4	55	0.48032302
recommend cv_als	55	5	131	0.4140454
recommend cv_als	56	1	20	0.83993846
recommend cv_als	56	2	31	0.74427044
recommend cv_als	56	3	131	0.647486
recommend cv_als	56	4	14	0.5520446
recommend cv_als	56	5	146	0.5254537
recommend cv_als	57	1	116	0.7555657
recommend cv_als	57	2	74	0.5580922
recommend cv_als	57	3	38	0.54474944
recommend cv_als	57	4	108	0.49597523
recommend cv_als	57	5	93	0.47450754
recommend cv_als	58	1	55	0.99866146
recommend cv_als	58	2	129	0.7105174
recommend cv_als	58	3	9	0.55774665
recommend cv_als	58	4	1	0.45687443
recommend cv_als	58	5	104	0.43567747
recommend cv_als	59	1	90	0.7214992
recommend cv_als	59	2	53	0.58591247
recommend cv_als	59	3	129	0.5669319
recommend cv_als	59	4	19	0.56660616
recommend cv_als	59	5	36	0.52345014
recommend cv_als	60	1	24	0.7017515
recommend cv_als	60	2	104	0.6468126
recommend cv_als	60	3	53	0.63715327
recommend cv_als	60	4	55	0.62401223
recommend cv_als	60	5	34	0.5724912
recommend cv_explicit	1	1	4	30.672077
recommend cv_explicit	1	2	70	19.788342
recommend cv_explicit	1	3	55	19.39975
recommend cv_explicit	1	4	47	18.30888
recommend cv_explicit	1	5	34	14.654724
recommend cv_explicit	2	1	128	26.005772
recommend cv_explicit	2	2	50	25.960491
recommend cv_explicit	2	3	62	18.163267
recommend cv_explicit	2	4	20	13.966366
recommend cv_explicit	2	5	103	9.789642
recommend cv_explicit	3	1	31	20.074944
recommend cv_explicit	3	2	2	17.323479
recommend cv_explicit	3	3	140	16.574358
recommend cv_explicit	3	4	15	11.304945
recommend cv_explicit	3	5	7	10.592739
recommend cv_explicit	4	1	31	9.0335655
recommend cv_explicit	4	2	2	7.580309
recommend cv_explicit	4	3	15	6.8534884
recommend cv_explicit	4	4	145	6.6608686
recommend cv_explicit	4	5	134	6.58704
recommend cv_explicit	5	1	128	7.995251
recommend cv_explicit	5	2	62	7.6425834
recommend cv_explicit	5	3	50	6.450663
recommend cv_explicit	5	4	35	5.2224965
recommend cv_explicit	5	5	145	5.1267385
recommend cv_explicit	6	1	2	26.446102
recommend cv_explicit	6	2	134	21.711508
recommend cv_explicit	6	3	15	20.765272
recommend cv_explicit	6	4	7	17.085712
recommend cv_explicit	6	5	93	15.670644
recommend cv_explicit	7	1	50	14.931042
recommend cv_explicit	7	2	47	8.887111
recommend cv_explicit	7	3	62	7.816332
recommend cv_explicit	7	4	128	6.798719
recommend cv_explicit	7	5	54	5.985624
recommend cv_explicit	8	1	4	9.838985
recommend cv_explicit	8	2	62	7.3601074
recommend cv_explicit	8	3	128	6.663805
recommend cv_explicit	8	4	35	5.627686
recommend cv_explicit	8	5	70	5.256918
recommend cv_explicit	9	1	50	9.507841
recommend cv_explicit	9	2	47	8.768402
recommend cv_explicit	9	3	4	8.650156
recommend cv_explicit	9	4	70	6.6991215
recommend cv_explicit	9	5	34	5.409102
recommend cv_explicit	10	1	50	13.200305
recommend cv_explicit	10	2	47	9.380144
recommend cv_explicit	10	3	31	7.473191
recommend cv_explicit	10	4	54	6.748782
recommend cv_explicit	10	5	2	5.515487
recommend cv_explicit	11	1	50	13.663625
recommend cv_explicit	11	2	62	8.775934
recommend cv_explicit	11	3	128	8.285999
recommend cv_explicit	11	4	47	7.5640373
recommend cv_explicit	11	5	129	5.830533
recommend cv_explicit	12	1	128	28.879852
recommend cv_explicit	12	2	62	18.015453
recommend cv_explicit	12	3	129	17.288733
recommend cv_explicit	12	4	104	12.010436
recommend cv_explicit	12	5	134	11.278626
recommend cv_explicit	13	1	31	7.875966
recommend cv_explicit	13	2	2	7.155895
recommend cv_explicit	13	3	140	6.6738853
recommend cv_explicit	13	4	134	6.6481686
recommend cv_explicit	13	5	15	6.2155447
recommend cv_explicit	14	1	4	11.787945
recommend cv_explicit	14	2	70	7.561967
recommend cv_explicit	14	3	50	7.081625
recommend cv_explicit	14	4	47	6.9763255
recommend cv_explicit	14	5	55	5.6715074
recommend cv_explicit	15	1	31	11.5359955
recommend cv_explicit	15	2	2	9.689564
recommend cv_explicit	15	3	140	8.785742
recommend cv_explicit	15	4	47	8.368483
recommend cv_explicit	15	5	116	7.2276716
recommend cv_explicit	16	1	50	20.956062
recommend cv_explicit	16	2	47	11.500992
recommend cv_explicit	16	3	62	8.750313
recommend cv_explicit	16	4	128	8.141232
recommend cv_explicit	16	5	110	6.4309535
recommend cv_explicit	17	1	50	14.064064
recommend cv_explicit	17	2	128	9.677651
recommend cv_explicit	17	3	62	8.589937
recommend cv_explicit	17	4	129	6.196113
recommend cv_explicit	17	5	47	6.16234
recommend cv_explicit	18	1	4	14.953384
recommend cv_explicit	18	2	35	7.807425
recommend cv_explicit	18	3	62	7.568209
recommend cv_explicit	18	4	128	7.490634
recommend cv_explicit	18	5	70	6.917075
recommend cv_explicit	19	1	31	10.372779
recommend cv_explicit	19	2	2	9.6762905
recommend cv_explicit	19	3	15	7.9527082
recommend cv_explicit	19	4	4	7.765372
recommend cv_explicit	19	5	134	7.397463
recommend cv_explicit	20	1	31	6.775777
recommend cv_explicit	20	2	2	5.75374
recommend cv_explicit	20	3	50	5.7347026
recommend cv_explicit	20	4	47	5.459847
recommend cv_explicit	20	5	140	3.9333892
recommend cv_explicit	21	1	31	6.4437885
recommend cv_explicit	21	2	2	5.7085805
recommend cv_explicit	21	3	50	5.690775
recommend cv_explicit	21	4	47	5.6417727
recommend cv_explicit	21	5	4	5.5821958
recommend cv_explicit	22	1	50	20.545704
recommend cv_explicit	22	2	47	12.292119
recommend cv_explicit	22	3	62	10.601927
recommend cv_explicit	22	4	54	9.1858425
recommend cv_explicit	22	5	110	8.580629
recommend cv_explicit	23	1	50	12.954129
recommend cv_explicit	23	2	47	7.6569867
recommend cv_explicit	23	3	128	4.331459
recommend cv_explicit	23	4	62	4.2542434
recommend cv_explicit	23	5	54	4.039865
recommend cv_explicit	24	1	4	14.925526
recommend cv_explicit	24	2	36	9.926399
recommend cv_explicit	24	3	134	8.544957
recommend cv_explicit	24	4	55	8.333008
recommend cv_explicit	24	5	128	7.610463
recommend cv_explicit	25	1	31	13.703655
recommend cv_explicit	25	2	2	11.3775425
recommend cv_explicit	25	3	140	9.6707
recommend cv_explicit	25	4	116	7.2085695
recommend cv_explicit	25	5	47	6.827235
recommend cv_explicit	26	1	128	7.8225236
recommend cv_explicit	26	2	36	5.85184
recommend cv_explicit	26	3	15	5.72505
recommend cv_explicit	26	4	31	5.5357647
recommend cv_explicit	26	5	145	5.433839
recommend cv_explicit	27	1	31	14.364442
recommend cv_explicit	27	2	2	12.030081
recommend cv_explicit	27	3	140	9.380157
recommend cv_explicit	27	4	47	7.912797
recommend cv_explicit	27	5	116	7.7633033
recommend cv_explicit	28	1	31	11.007977
recommend cv_explicit	28	2	2	9.573582
recommend cv_explicit	28	3	145	5.8641353
recommend cv_explicit	28	4	97	5.7782717
recommend cv_explicit	28	5	65	5.580953
recommend cv_explicit	29	1	128	26.308218
recommend cv_explicit	29	2	62	16.015694
recommend cv_explicit	29	3	129	15.407366
recommend cv_explicit	29	4	134	13.285287
recommend cv_explicit	29	5	104	11.056109
recommend cv_explicit	30	1	31	11.847771
recommend cv_explicit	30	2	2	10.847309
recommend cv_explicit	30	3	15	7.621538
recommend cv_explicit	30	4	35	7.225301
recommend cv_explicit	30	5	4	7.1049395
recommend cv_explicit	31	1	4	14.0149555
recommend cv_explicit	31	2	31	10.413504
recommend cv_explicit	31	3	55	7.299542
recommend cv_explicit	31	4	35	7.245425
recommend cv_explicit	31	5	36	6.9567037
recommend cv_explicit	32	1	50	9.211147
recommend cv_explicit	32	2	31	9.113852
recommend cv_explicit	32	3	140	7.8430552
recommend cv_explicit	32	4	47	7.4514856
recommend cv_explicit	32	5	2	7.0193195
recommend cv_explicit	33	1	4	28.25773
recommend cv_explicit	33	2	47	23.110487
recommend cv_explicit	33	3	31	18.242353
recommend cv_explicit	33	4	146	17.227392
recommend cv_explicit	33	5	34	16.839174
recommend cv_explicit	34	1	128	11.611314
recommend cv_explicit	34	2	50	10.120373
recommend cv_explicit	34	3	62	8.507471
recommend cv_explicit	34	4	4	7.6895504
recommend cv_explicit	34	5	129	6.902378
recommend cv_explicit	35	1	4	18.160364
recommend cv_explicit	35	2	70	10.690746
recommend cv_explicit	35	3	55	8.593966
recommend cv_explicit	35	4	146	6.8416734
recommend cv_explicit	35	5	47	6.812985
recommend cv_explicit	36	1	50	15.13781
recommend cv_explicit	36	2	140	8.9984
recommend cv_explicit	36	3	47	8.677172
recommend cv_explicit	36	4	31	6.432569
recommend cv_explicit	36	5	90	6.252781
recommend cv_explicit	37	1	140	21.949203
recommend cv_explicit	37	2	31	13.693548
recommend cv_explicit	37	3	15	11.875323
recommend cv_explicit	37	4	93	10.133811
recommend cv_explicit	37	5	94	9.572864
recommend cv_explicit	38	1	4	20.999882
recommend cv_explicit	38	2	36	11.16838
recommend cv_explicit	38	3	35	10.238223
recommend cv_explicit	38	4	2	8.365062
recommend cv_explicit	38	5	15	7.918015
recommend cv_explicit	39	1	50	13.779402
recommend cv_explicit	39	2	47	11.535061
recommend cv_explicit	39	3	31	10.616499
recommend cv_explicit	39	4	54	9.263046
recommend cv_explicit	39	5	2	8.276715
recommend cv_explicit	40	1	128	11.498522
recommend cv_explicit	40	2	50	8.061945
recommend cv_explicit	40	3	62	6.886018
recommend cv_explicit	40	4	36	6.6376343
recommend cv_explicit	40	5	129	5.8184795
recommend cv_explicit	41	1	50	36.211197
recommend cv_explicit	41	2	47	24.343824
recommend cv_explicit	41	3	90	20.553776
recommend cv_explicit	41	4	128	16.42297
recommend cv_explicit	41	5	104	15.955982
recommend cv_explicit	42	1	50	7.2729416
recommend cv_explicit	42	2	31	5.905993
recommend cv_explicit	42	3	128	5.5503335
recommend cv_explicit	42	4	140	5.48435
recommend cv_explicit	42	5	134	5.083366
recommend cv_explicit	43	1	4	12.050819
recommend cv_explicit	43	2	47	10.638247
recommend cv_explicit	43	3	31	8.737005
recommend cv_explicit	43	4	2	8.166883
recommend cv_explicit	43	5	146	7.1057057
recommend cv_explicit	44	1	50	13.866201
recommend cv_explicit	44	2	47	9.459198
recommend cv_explicit	44	3	140	8.777803
recommend cv_explicit	44	4	31	6.928874
recommend cv_explicit	44	5	116	5.803978
recommend cv_explicit	45	1	54	22.858
recommend cv_explicit	45	2	70	17.956816
recommend cv_explicit	45	3	127	16.744411
recommend cv_explicit	45	4	116	16.704212
recommend cv_explicit	45	5	113	16.389297
recommend cv_explicit	46	1	31	15.326759
recommend cv_explicit	46	2	2	14.017455
recommend cv_explicit	46	3	4	11.570442
recommend cv_explicit	46	4	65	8.070777
recommend cv_explicit	46	5	35	7.412549
recommend cv_explicit	47	1	31	12.171383
recommend cv_explicit	47	2	2	9.889431
recommend cv_explicit	47	3	140	8.741661
recommend cv_explicit	47	4	145	7.5323133
recommend cv_explicit	47	5	15	7.232357
recommend cv_explicit	48	1	4	27.00422
recommend cv_explicit	48	2	70	12.012194
recommend cv_explicit	48	3	146	9.051644
recommend cv_explicit	48	4	36	8.081702
recommend cv_explicit	48	5	2	7.7254105
recommend cv_explicit	49	1	50	16.824396
recommend cv_explicit	49	2	62	10.324097
recommend cv_explicit	49	3	47	9.156271
recommend cv_explicit	49	4	128	8.174091
recommend cv_explicit	49	5	70	7.162482
recommend cv_explicit	50	1	50	10.456168
recommend cv_explicit	50	2	62	6.907888
recommend cv_explicit	50	3	47	6.13032
recommend cv_explicit	50	4	128	5.745164
recommend cv_explicit	50	5	110	4.815587
recommend cv_explicit	51	1	50	25.983027
recommend cv_explicit	51	2	47	17.3416
recommend cv_explicit	51	3	140	9.051786
recommend cv_explicit	51	4	116	8.506117
recommend cv_explicit	51	5	90	7.1298494
recommend cv_explicit	52	1	2	7.8059254
recommend cv_explicit	52	2	31	7.4764338
recommend cv_explicit	52	3	145	5.907099
recommend cv_explicit	52	4	97	5.893482
recommend cv_explicit	52	5	73	5.8178186
recommend cv_explicit	53	1	4	14.613201
recommend cv_explicit	53	2	70	7.4559727
recommend cv_explicit	53	3	55	6.0028696
recommend cv_explicit	53	4	128	5.9952517
recommend cv_explicit	53	5	36	5.84074
recommend cv_explicit	54	1	50	14.186876
recommend cv_explicit	54	2	47	7.6396775
recommend cv_explicit	54	3	128	7.414012
recommend cv_explicit	54	4	62	6.6066523
recommend cv_explicit	54	5	110	4.8657875
recommend cv_explicit	55	1	50	7.113084
recommend cv_explicit	55	2	134	7.11008
recommend cv_explicit	55	3	2	6.990026
recommend cv_explicit	55	4	15	6.4819465
recommend cv_explicit	55	5	90	5.722376
recommend cv_explicit	56	1	50	9.711171
recommend cv_explicit	56	2	128	7.6094904
recommend cv_explicit	56	3	62	7.48913
recommend cv_explicit	56	4	110	5.02879
recommend cv_explicit	56	5	31	4.8355303
recommend cv_explicit	57	1	50	15.284466
recommend cv_explicit	57	2	47	10.203926
recommend cv_explicit	57	3	62	8.617273
recommend cv_explicit	57	4	70	8.4831295
recommend cv_explicit	57	5	4	7.7789145
recommend cv_explicit	58	1	128	13.077616
recommend cv_explicit	58	2	62	8.66667
recommend cv_explicit	58	3	36	7.5866346
recommend cv_explicit	58	4	129	7.144042
recommend cv_explicit	58	5	20	6.705591
recommend cv_explicit	59	1	128	13.634888
recommend cv_explicit	59	2	50	11.7701
recommend cv_explicit	59	3	62	8.616374
recommend cv_explicit	59	4	129	7.4403563
recommend cv_explicit	59	5	20	6.774084
recommend cv_explicit	60	1	50	14.24402
recommend cv_explicit	60	2	47	12.36201
recommend cv_explicit	60	3	54	8.223958
recommend cv_explicit	60	4	116	8.035783
recommend cv_explicit	60	5	2	7.3648577
recommend cv_popular	1	1	55	217
recommend cv_popular	1	2	9	95
recommend cv_popular	1	3	145	71
recommend cv_popular	1	4	36	70
recommend cv_popular	1	5	4	69
recommend cv_popular	2	1	53	90
recommend cv_popular	2	2	145	71
recommend cv_popular	2	3	4	69
recommend cv_popular	2	4	35	64
recommend cv_popular	2	5	54	59
recommend cv_popular	3	1	9	95
recommend cv_popular	3	2	53	90
recommend cv_popular	3	3	134	85
recommend cv_popular	3	4	145	71
recommend cv_popular	3	5	36	70
recommend cv_popular	4	1	9	95
recommend cv_popular	4	2	53	90
recommend cv_popular	4	3	134	85
recommend cv_popular	4	4	145	71
recommend cv_popular	4	5	36	70
recommend cv_popular	5	1	134	85
recommend cv_popular	5	2	145	71
recommend cv_popular	5	3	36	70
recommend cv_popular	5	4	4	69
recommend cv_popular	5	5	35	64
recommend cv_popular	6	1	9	95
recommend cv_popular	6	2	53	90
recommend cv_popular	6	3	134	85
recommend cv_popular	6	4	4	69
recommend cv_popular	6	5	35	64
recommend cv_popular	7	1	55	217
recommend cv_popular	7	2	9	95
recommend cv_popular	7	3	134	85
recommend cv_popular	7	4	145	71
recommend cv_popular	7	5	36	70
recommend cv_popular	8	1	9	95
recommend cv_popular	8	2	53	90
recommend cv_popular	8	3	134	85
recommend cv_popular	8	4	4	69
recommend cv_popular	8	5	35	64
recommend cv_popular	9	1	53	90
recommend cv_popular	9	2	145	71
recommend cv_popular	9	3	36	70
recommend cv_popular	9	4	4	69
recommend cv_popular	9	5	35	64
recommend cv_popular	10	1	9	95
recommend cv_popular	10	2	53	90
recommend cv_popular	10	3	134	85
recommend cv_popular	10	4	145	71
recommend cv_popular	10	5	4	69
recommend cv_popular	11	1	9	95
recommend cv_popular	11	2	53	90
recommend cv_popular	11	3	36	70
recommend cv_popular	11	4	4	69
recommend cv_popular	11	5	35	64
recommend cv_popular	12	1	9	95
recommend cv_popular	12	2	134	85
recommend cv_popular	12	3	4	69
recommend cv_popular	12	4	35	64
recommend cv_popular	12	5	54	59
recommend cv_popular	13	1	55	217
recommend cv_popular	13	2	9	95
recommend cv_popular	13	3	53	90
recommend cv_popular	13	4	134	85
recommend cv_popular	13	5	145	71
recommend cv_popular	14	1	55	217
recommend cv_popular	14	2	9	95
recommend cv_popular	14	3	53	90
recommend cv_popular	14	4	134	85
recommend cv_popular	14	5	145	71
recommend cv_popular	15	1	55	217
recommend cv_popular	15	2	9	95
recommend cv_popular	15	3	53	90
recommend cv_popular	15	4	134	85
recommend cv_popular	15	5	145	71
recommend cv_popular	16	1	9	95
recommend cv_popular	16	2	145	71
recommend cv_popular	16	3	36	70
recommend cv_popular	16	4	4	69
recommend cv_popular	16	5	35	64
recommend cv_popular	17	1	55	217
recommend cv_popular	17	2	9	95
recommend cv_popular	17	3	53	90
recommend cv_popular	17	4	134	85
recommend cv_popular	17	5	4	69
recommend cv_popular	18	1	55	217
recommend cv_popular	18	2	9	95
recommend cv_popular	18	3	134	85
recommend cv_popular	18	4	145	71
recommend cv_popular	18	5	36	70
recommend cv_popular	19	1	55	217
recommend cv_popular	19	2	9	95
recommend cv_popular	19	3	53	90
recommend cv_popular	19	4	134	85
recommend cv_popular	19	5	4	69
recommend cv_popular	20	1	53	90
recommend cv_popular	20	2	134	85
recommend cv_popular	20	3	145	71
recommend cv_popular	20	4	36	70
recommend cv_popular	20	5	54	59
recommend cv_popular	21	1	145	71
recommend cv_popular	21	2	36	70
recommend cv_popular	21	3	4	69
recommend cv_popular	21	4	35	64
recommend cv_popular	21	5	54	59
recommend cv_popular	22	1	9	95
recommend cv_popular	22	2	53	90
recommend cv_popular	22	3	134	85
recommend cv_popular	22	4	145	71
recommend cv_popular	22	5	36	70
recommend cv_popular	23	1	9	95
recommend cv_popular	23	2	145	71
recommend cv_popular	23	3	36	70
recommend cv_popular	23	4	4	69
recommend cv_popular	23	5	35	64
recommend cv_popular	24	1	55	217
recommend cv_popular	24	2	9	95
recommend cv_popular	24	3	53	90
recommend cv_popular	24	4	134	85
recommend cv_popular	24	5	145	71
recommend cv_popular	25	1	9	95
recommend cv_popular	25	2	53	90
recommend cv_popular	25	3	134	85
recommend cv_popular	25	4	145	71
recommend cv_popular	25	5	36	70
recommend cv_popular	26	1	9	95
recommend cv_popular	26	2	53	90
recommend cv_popular	26	3	145	71
recommend cv_popular	26	4	36	70
recommend cv_popular	26	5	4	69
recommend cv_popular	27	1	9	95
recommend cv_popular	27	2	53	90
recommend cv_popular	27	3	134	85
recommend cv_popular	27	4	145	71
recommend cv_popular	27	5	54	59
recommend cv_popular	28	1	53	90
recommend cv_popular	28	2	134	85
recommend cv_popular	28	3	145	71
recommend cv_popular	28	4	36	70
recommend cv_popular	28	5	54	59
recommend cv_popular	29	1	9	95
recommend cv_popular	29	2	53	90
recommend cv_popular	29	3	134	85
recommend cv_popular	29	4	4	69
recommend cv_popular	29	5	35	64
recommend cv_popular	30	1	9	95
recommend cv_popular	30	2	53	90
recommend cv_popular	30	3	145	71
recommend cv_popular	30	4	36	70
recommend cv_popular	30	5	4	69
recommend cv_popular	31	1	55	217
recommend cv_popular	31	2	53	90
recommend cv_popular	31	3	134	85
recommend cv_popular	31	4	145	71
recommend cv_popular	31	5	36	70
recommend cv_popular	32	1	9	95
recommend cv_popular	32	2	53	90
recommend cv_popular	32	3	145	71
recommend cv_popular	32	4	36	70
recommend cv_popular	32	5	4	69
recommend cv_popular	33	1	53	90
recommend cv_popular	33	2	145	71
recommend cv_popular	33	3	4	69
recommend cv_popular	33	4	35	64
recommend cv_popular	33	5	54	59
recommend cv_popular	34	1	55	217
recommend cv_popular	34	2	9	95
recommend cv_popular	34	3	134	85
recommend cv_popular	34	4	145	71
recommend cv_popular	34	5	4	69
recommend cv_popular	35	1	55	217
recommend cv_popular	35	2	9	95
recommend cv_popular	35	3	53	90
recommend cv_popular	35	4	134	85
recommend cv_popular	35	5	145	71
recommend cv_popular	36	1	53	90
recommend cv_popular	36	2	134	85
recommend cv_popular	36	3	145	71
recommend cv_popular	36	4	36	70
recommend cv_popular	36	5	4	69
recommend cv_popular	37	1	9	95
recommend cv_popular	37	2	145	71
recommend cv_popular	37	3	36	70
recommend cv_popular	37	4	4	69
recommend cv_popular	37	5	35	64
recommend cv_popular	38	1	55	217
recommend cv_popular	38	2	9	95
recommend cv_popular	38	3	145	71
recommend cv_popular	38	4	36	70
recommend cv_popular	38	5	4	69
recommend cv_popular	39	1	55	217
recommend cv_popular	39	2	9	95
recommend cv_popular	39	3	53	90
recommend cv_popular	39	4	145	71
recommend cv_popular	39	5	36	70
recommend cv_popular	40	1	55	217
recommend cv_popular	40	2	9	95
recommend cv_popular	40	3	53	90
recommend cv_popular	40	4	145	71
recommend cv_popular	40	5	36	70
recommend cv_popular	41	1	53	90
recommend cv_popular	41	2	134	85
recommend cv_popular	41	3	145	71
recommend cv_popular	41	4	36	70
recommend cv_popular	41	5	35	64
recommend cv_popular	42	1	9	95
recommend cv_popular	42	2	53	90
recommend cv_popular	42	3	134	85
recommend cv_popular	42	4	36	70
recommend cv_popular	42	5	35	64
recommend cv_popular	43	1	53	90
recommend cv_popular	43	2	134	85
recommend cv_popular	43	3	145	71
recommend cv_popular	43	4	4	69
recommend cv_popular	43	5	35	64
recommend cv_popular	44	1	9	95
recommend cv_popular	44	2	145	71
recommend cv_popular	44	3	36	70
recommend cv_popular	44	4	4	69
recommend cv_popular	44	5	35	64
recommend cv_popular	45	1	35	64
recommend cv_popular	45	2	54	59
recommend cv_popular	45	3	90	55
recommend cv_popular	45	4	15	48
recommend cv_popular	45	5	20	48
recommend cv_popular	46	1	134	85
recommend cv_popular	46	2	145	71
recommend cv_popular	46	3	36	70
recommend cv_popular	46	4	4	69
recommend cv_popular	46	5	35	64
recommend cv_popular	47	1	9	95
recommend cv_popular	47	2	53	90
recommend cv_popular	47	3	134	85
recommend cv_popular	47	4	145	71
recommend cv_popular	47	5	36	70
recommend cv_popular	48	1	53	90
recommend cv_popular	48	2	145	71
recommend cv_popular	48	3	36	70
recommend cv_popular	48	4	4	69
recommend cv_popular	48	5	35	64
recommend cv_popular	49	1	55	217
recommend cv_popular	49	2	53	90
recommend cv_popular	49	3	134	85
recommend cv_popular	49	4	145	71
recommend cv_popular	49	5	36	70
recommend cv_popular	50	1	9	95
recommend cv_popular	50	2	53	90
recommend cv_popular	50	3	134	85
recommend cv_popular	50	4	145	71
recommend cv_popular	50	5	36	70
recommend cv_popular	51	1	9	95
recommend cv_popular	51	2	53	90
recommend cv_popular	51	3	134	85
recommend cv_popular	51	4	145	71
recommend cv_popular	51	5	36	70
recommend cv_popular	52	1	9	95
recommend cv_popular	52	2	53	90
recommend cv_popular	52	3	134	85
recommend cv_popular	52	4	145	71
recommend cv_popular	52	5	36	70
recommend cv_popular	53	1	55	217
recommend cv_popular	53	2	145	71
recommend cv_popular	53	3	36	70
recommend cv_popular	53	4	4	69
recommend cv_popular	53	5	35	64
recommend cv_popular	54	1	9	95
recommend cv_popular	54	2	134	85
recommend cv_popular	54	3	36	70
recommend cv_popular	54	4	4	69
recommend cv_popular	54	5	35	64
recommend cv_popular	55	1	55	217
recommend cv_popular	55	2	53	90
recommend cv_popular	55	3	134	85
recommend cv_popular	55	4	36	70
recommend cv_popular	55	5	4	69
recommend cv_popular	56	1	9	95
recommend cv_popular	56	2	4	69
recommend cv_popular	56	3	35	64
recommend cv_popular	56	4	54	59
recommend cv_popular	56	5	90	55
recommend cv_popular	57	1	53	90
recommend cv_popular	57	2	134	85
recommend cv_popular	57	3	145	71
recommend cv_popular	57	4	36	70
recommend cv_popular	57	5	4	69
recommend cv_popular	58	1	55	217
recommend cv_popular	58	2	9	95
recommend cv_popular	58	3	145	71
recommend cv_popular	58	4	36	70
recommend cv_popular	58	5	35	64
recommend cv_popular	59	1	53	90
recommend cv_popular	59	2	145	71
recommend cv_popular	59	3	36	70
recommend cv_popular	59	4	4	69
recommend cv_popular	59	5	35	64
recommend cv_popular	60	1	55	217
recommend cv_popular	60	2	9	95
recommend cv_popular	60	3	53	90
recommend cv_popular	60	4	4	69
recommend cv_popular	60	5	35	64
recommend_fair cv_als brand	1	1	34	1.0784448
recommend_fair cv_als brand	1	2	55	0.7526214
recommend_fair cv_als brand	1	3	126	0.6469036
recommend_fair cv_als brand	1	4	50	0.6139777
recommend_fair cv_als brand	1	5	25	0.5892345
recommend_fair cv_als brand	2	1	1	0.6163313
recommend_fair cv_als brand	2	2	13	0.5910548
recommend_fair cv_als brand	2	3	126	0.5126888
recommend_fair cv_als brand	2	4	28	0.4825279
recommend_fair cv_als brand	2	5	146	0.4559599
recommend_fair cv_als brand	3	1	91	0.76158285
recommend_fair cv_als brand	3	2	9	0.515445
recommend_fair cv_als brand	3	3	10	0.45349768
recommend_fair cv_als brand	3	4	53	0.4141891
recommend_fair cv_als brand	3	5	142	0.3838241
recommend_fair cv_als brand	4	1	19	0.81361187
recommend_fair cv_als brand	4	2	134	0.79997313
recommend_fair cv_als brand	4	3	20	0.43236387
recommend_fair cv_als brand	4	4	23	0.38568005
recommend_fair cv_als brand	4	5	9	0.36520064
recommend_fair cv_als brand	5	1	7	0.582052
recommend_fair cv_als brand	5	2	35	0.56777376
recommend_fair cv_als brand	5	3	126	0.52098924
recommend_fair cv_als brand	5	4	64	0.41194087
recommend_fair cv_als brand	5	5	133	0.33914044
recommend_fair cv_als brand	6	1	20	0.8219198
recommend_fair cv_als brand	6	2	24	0.7600622
recommend_fair cv_als brand	6	3	14	0.70460635
recommend_fair cv_als brand	6	4	89	0.60766596
recommend_fair cv_als brand	6	5	10	0.56251997
recommend_fair cv_als brand	7	1	34	0.82731485
recommend_fair cv_als brand	7	2	55	0.5403977
recommend_fair cv_als brand	7	3	64	0.47103357
recommend_fair cv_als brand	7	4	134	0.428716
recommend_fair cv_als brand	7	5	7	0.38660204
recommend_fair cv_als brand	8	1	97	0.65848327
recommend_fair cv_als brand	8	2	131	0.56770176
recommend_fair cv_als brand	8	3	77	0.43562213
recommend_fair cv_als brand	8	4	140	0.40460402
recommend_fair cv_als brand	8	5	14	0.38695747
recommend_fair cv_als brand	9	1	136	0.5042043
recommend_fair cv_als brand	9	2	1	0.48271477
recommend_fair cv_als brand	9	3	132	0.44536948
recommend_fair cv_als brand	9	4	37	0.42082202
recommend_fair cv_als brand	9	5	104	0.41258907
recommend_fair cv_als brand	10	1	53	0.37811935
recommend_fair cv_als brand	10	2	145	0.33151436
recommend_fair cv_als brand	10	3	20	0.27906835
recommend_fair cv_als brand	10	4	9	0.2698542
recommend_fair cv_als brand	10	5	7	0.23969468
recommend_fair cv_als brand	11	1	36	0.8263395
recommend_fair cv_als brand	11	2	131	0.4997012
recommend_fair cv_als brand	11	3	77	0.46371275
recommend_fair cv_als brand	11	4	53	0.4384609
recommend_fair cv_als brand	11	5	4	0.4227751
recommend_fair cv_als brand	12	1	97	0.84914196
recommend_fair cv_als brand	12	2	77	0.6239511
recommend_fair cv_als brand	12	3	86	0.51634365
recommend_fair cv_als brand	12	4	80	0.46090543
recommend_fair cv_als brand	12	5	137	0.40585718
recommend_fair cv_als brand	13	1	15	0.89822984
recommend_fair cv_als brand	13	2	59	0.5327612
recommend_fair cv_als brand	13	3	138	0.4992825
recommend_fair cv_als brand	13	4	60	0.49261627
recommend_fair cv_als brand	13	5	62	0.45173812
recommend_fair cv_als brand	14	1	27	0.41855228
recommend_fair cv_als brand	14	2	9	0.35534638
recommend_fair cv_als brand	14	3	2	0.31085077
recommend_fair cv_als brand	14	4	111	0.28217167
recommend_fair cv_als brand	14	5	116	0.27393457
recommend_fair cv_als brand	15	1	15	0.8204209
recommend_fair cv_als brand	15	2	59	0.51288396
recommend_fair cv_als brand	15	3	67	0.49490067
recommend_fair cv_als brand	15	4	138	0.43962815
recommend_fair cv_als brand	15	5	60	0.43815157
recommend_fair cv_als brand	16	1	10	0.6157801
recommend_fair cv_als brand	16	2	113	0.59075654
recommend_fair cv_als brand	16	3	11	0.56193966
recommend_fair cv_als brand	16	4	142	0.5076256
recommend_fair cv_als brand	16	5	9	0.46404934
recommend_fair cv_als brand	17	1	20	0.8601391
recommend_fair cv_als brand	17	2	131	0.67692244
recommend_fair cv_als brand	17	3	140	0.6251098
recommend_fair cv_als brand	17	4	3	0.47238505
recommend_fair cv_als brand	17	5	86	0.46915773
recommend_fair cv_als brand	18	1	125	0.6552492
recommend_fair cv_als brand	18	2	126	0.55630255
recommend_fair cv_als brand	18	3	119	0.54815024
recommend_fair cv_als brand	18	4	25	0.54709697
recommend_fair cv_als brand	18	5	133	0.45605984
recommend_fair cv_als brand	19	1	20	0.68589795
recommend_fair cv_als brand	19	2	31	0.52670276
recommend_fair cv_als brand	19	3	3	0.38083082
recommend_fair cv_als brand	19	4	126	0.35421288
recommend_fair cv_als brand	19	5	130	0.34101558
recommend_fair cv_als brand	20	1	67	0.5925193
recommend_fair cv_als brand	20	2	138	0.5315245
recommend_fair cv_als brand	20	3	60	0.5070293
recommend_fair cv_als brand	20	4	134	0.37803513
recommend_fair cv_als brand	20	5	116	0.3718397
recommend_fair cv_als brand	21	1	132	0.51211095
recommend_fair cv_als brand	21	2	37	0.5011496
recommend_fair cv_als brand	21	3	99	0.46112403
recommend_fair cv_als brand	21	4	23	0.4384692
recommend_fair cv_als brand	21	5	38	0.41882837
recommend_fair cv_als brand	22	1	35	0.8331373
recommend_fair cv_als brand	22	2	70	0.5912241
recommend_fair cv_als brand	22	3	59	0.5141607
recommend_fair cv_als brand	22	4	9	0.32743824
recommend_fair cv_als brand	22	5	52	0.28059736
recommend_fair cv_als brand	23	1	9	0.59917945
recommend_fair cv_als brand	23	2	90	0.5218294
recommend_fair cv_als brand	23	3	27	0.39278987
recommend_fair cv_als brand	23	4	129	0.38838032
recommend_fair cv_als brand	23	5	99	0.35116112
recommend_fair cv_als brand	24	1	4	0.7506224
recommend_fair cv_als brand	24	2	70	0.63139296
recommend_fair cv_als brand	24	3	60	0.43888134
recommend_fair cv_als brand	24	4	55	0.4181121
recommend_fair cv_als brand	24	5	52	0.36282265
recommend_fair cv_als brand	25	1	70	0.66063577
recommend_fair cv_als brand	25	2	59	0.5724724
recommend_fair cv_als brand	25	3	60	0.45921144
recommend_fair cv_als brand	25	4	128	0.33506733
recommend_fair cv_als brand	25	5	52	0.3227351
recommend_fair cv_als brand	26	1	129	0.6817007
recommend_fair cv_als brand	26	2	148	0.6511531
recommend_fair cv_als brand	26	3	132	0.50899047
recommend_fair cv_als brand	26	4	37	0.4504884
recommend_fair cv_als brand	26	5	9	0.43266696
recommend_fair cv_als brand	27	1	48	0.72471154
recommend_fair cv_als brand	27	2	70	0.71881235
recommend_fair cv_als brand	27	3	138	0.4780497
recommend_fair cv_als brand	27	4	145	0.3929621
recommend_fair cv_als brand	27	5	9	0.354006
recommend_fair cv_als brand	28	1	70	0.6476399
recommend_fair cv_als brand	28	2	128	0.6141131
recommend_fair cv_als brand	28	3	60	0.566224
recommend_fair cv_als brand	28	4	54	0.5471739
recommend_fair cv_als brand	28	5	52	0.4102248
recommend_fair cv_als brand	29	1	24	0.63256663
recommend_fair cv_als brand	29	2	31	0.60123163
recommend_fair cv_als brand	29	3	137	0.54143095
recommend_fair cv_als brand	29	4	134	0.5011283
recommend_fair cv_als brand	29	5	54	0.48200524
recommend_fair cv_als brand	30	1	129	0.7450642
recommend_fair cv_als brand	30	2	148	0.493877
recommend_fair cv_als brand	30	3	136	0.455018
recommend_fair cv_als brand	30	4	9	0.41616327
recommend_fair cv_als brand	30	5	28	0.38025334
recommend_fair cv_als brand	31	1	27	0.57391214
recommend_fair cv_als brand	31	2	55	0.55856204
recommend_fair cv_als brand	31	3	108	0.5477496
recommend_fair cv_als brand	31	4	74	0.5457407
recommend_fair cv_als brand	31	5	120	0.44107133
recommend_fair cv_als brand	32	1	4	0.5242886
recommend_fair cv_als brand	32	2	148	0.5097681
recommend_fair cv_als brand	32	3	104	0.47913218
recommend_fair cv_als brand	32	4	136	0.47108275
recommend_fair cv_als brand	32	5	132	0.45328653
recommend_fair cv_als brand	33	1	27	0.6324868
recommend_fair cv_als brand	33	2	108	0.5621276
recommend_fair cv_als brand	33	3	74	0.5164196
recommend_fair cv_als brand	33	4	120	0.46896785
recommend_fair cv_als brand	33	5	112	0.37007555
recommend_fair cv_als brand	34	1	145	0.97321165
recommend_fair cv_als brand	34	2	140	0.6434073
recommend_fair cv_als brand	34	3	55	0.61730504
recommend_fair cv_als brand	34	4	126	0.49356747
recommend_fair cv_als brand	34	5	146	0.4607982
recommend_fair cv_als brand	35	1	4	0.90847635
recommend_fair cv_als brand	35	2	48	0.6861943
recommend_fair cv_als brand	35	3	70	0.67371225
recommend_fair cv_als brand	35	4	128	0.47678638
recommend_fair cv_als brand	35	5	52	0.38656086
recommend_fair cv_als brand	36	1	111	0.6534406
recommend_fair cv_als brand	36	2	27	0.5755487
recommend_fair cv_als brand	36	3	74	0.50520676
recommend_fair cv_als brand	36	4	108	0.4816384
recommend_fair cv_als brand	36	5	120	0.39703882
recommend_fair cv_als brand	37	1	28	0.53478664
recommend_fair cv_als brand	37	2	23	0.53292453
recommend_fair cv_als brand	37	3	95	0.4909402
recommend_fair cv_als brand	37	4	9	0.44123614
recommend_fair cv_als brand	37	5	135	0.41653147
recommend_fair cv_als brand	38	1	19	0.61199844
recommend_fair cv_als brand	38	2	1	0.5034728
recommend_fair cv_als brand	38	3	55	0.48242748
recommend_fair cv_als brand	38	4	132	0.45525384
recommend_fair cv_als brand	38	5	95	0.3586691
recommend_fair cv_als brand	39	1	90	0.722047
recommend_fair cv_als brand	39	2	53	0.51709265
recommend_fair cv_als brand	39	3	19	0.4686182
recommend_fair cv_als brand	39	4	126	0.45720804
recommend_fair cv_als brand	39	5	44	0.44599512
recommend_fair cv_als brand	40	1	129	0.72991854
recommend_fair cv_als brand	40	2	19	0.6630457
recommend_fair cv_als brand	40	3	136	0.4146484
recommend_fair cv_als brand	40	4	37	0.38191453
recommend_fair cv_als brand	40	5	28	0.37747777
recommend_fair cv_als brand	41	1	2	0.89138913
recommend_fair cv_als brand	41	2	116	0.8521166
recommend_fair cv_als brand	41	3	38	0.60053045
recommend_fair cv_als brand	41	4	134	0.55576706
recommend_fair cv_als brand	41	5	141	0.46995372
recommend_fair cv_als brand	42	1	20	0.66387796
recommend_fair cv_als brand	42	2	35	0.65390444
recommend_fair cv_als brand	42	3	70	0.51644796
recommend_fair cv_als brand	42	4	59	0.44384053
recommend_fair cv_als brand	42	5	60	0.32970187
recommend_fair cv_als brand	43	1	2	0.4105088
recommend_fair cv_als brand	43	2	116	0.38653874
recommend_fair cv_als brand	43	3	27	0.37953383
recommend_fair cv_als brand	43	4	54	0.3222872
recommend_fair cv_als brand	43	5	134	0.3186424
recommend_fair cv_als brand	44	1	129	0.8084575
recommend_fair cv_als brand	44	2	136	0.54077595
recommend_fair cv_als brand	44	3	132	0.4983266
recommend_fair cv_als brand	44	4	9	0.4701451
recommend_fair cv_als brand	44	5	37	0.46170288
recommend_fair cv_als brand	45	1	118	0.72102284
recommend_fair cv_als brand	45	2	71	0.6744015
recommend_fair cv_als brand	45	3	142	0.6712069
recommend_fair cv_als brand	45	4	14	0.64794785
recommend_fair cv_als brand	45	5	54	0.56810856
recommend_fair cv_als brand	46	1	125	0.5153616
recommend_fair cv_als brand	46	2	119	0.46960744
recommend_fair cv_als brand	46	3	50	0.45721287
recommend_fair cv_als brand	46	4	78	0.4022342
recommend_fair cv_als brand	46	5	25	0.38817608
recommend_fair cv_als brand	47	1	65	0.64728725
recommend_fair cv_als brand	47	2	91	0.6110957
recommend_fair cv_als brand	47	3	16	0.3335421
recommend_fair cv_als brand	47	4	66	0.3239068
recommend_fair cv_als brand	47	5	142	0.31892934
recommend_fair cv_als brand	48	1	2	0.73141134
recommend_fair cv_als brand	48	2	116	0.6877491
recommend_fair cv_als brand	48	3	111	0.62379366
recommend_fair cv_als brand	48	4	56	0.56209505
recommend_fair cv_als brand	48	5	108	0.5153007
recommend_fair cv_als brand	49	1	15	0.70687056
recommend_fair cv_als brand	49	2	48	0.6040105
recommend_fair cv_als brand	49	3	70	0.5425568
recommend_fair cv_als brand	49	4	59	0.45135704
recommend_fair cv_als brand	49	5	60	0.39354324
recommend_fair cv_als brand	50	1	15	0.846182
recommend_fair cv_als brand	50	2	48	0.6731962
recommend_fair cv_als brand	50	3	59	0.5477596
recommend_fair cv_als brand	50	4	60	0.44130164
recommend_fair cv_als brand	50	5	62	0.31923884
recommend_fair cv_als brand	51	1	11	0.48552826
recommend_fair cv_als brand	51	2	10	0.44274235
recommend_fair cv_als brand	51	3	113	0.39470148
recommend_fair cv_als brand	51	4	9	0.36041412
recommend_fair cv_als brand	51	5	142	0.33972383
recommend_fair cv_als brand	52	1	15	0.909473
recommend_fair cv_als brand	52	2	48	0.7346186
recommend_fair cv_als brand	52	3	59	0.56183887
recommend_fair cv_als brand	52	4	60	0.51051015
recommend_fair cv_als brand	52	5	138	0.50257534
recommend_fair cv_als brand	53	1	55	0.83022213
recommend_fair cv_als brand	53	2	34	0.6186559
recommend_fair cv_als brand	53	3	50	0.36951292
recommend_fair cv_als brand	53	4	125	0.3615932
recommend_fair cv_als brand	53	5	119	0.34648287
recommend_fair cv_als brand	54	1	34	0.5350232
recommend_fair cv_als brand	54	2	50	0.46647775
recommend_fair cv_als brand	54	3	54	0.4656368
recommend_fair cv_als brand	54	4	20	0.42804533
recommend_fair cv_als brand	54	5	119	0.39857993
recommend_fair cv_als brand	55	1	36	0.88195753
recommend_fair cv_als brand	55	2	97	0.6527512
recommend_fair cv_als brand	55	3	24	0.54422224
recommend_fair cv_als brand	55	4	89	0.3706384
recommend_fair cv_als brand	55	5	2	0.27697408
recommend_fair cv_als brand	56	1	20	0.83993846
recommend_fair cv_als brand	56	2	31	0.74427044
recommend_fair cv_als brand	56	3	14	0.5520446
recommend_fair cv_als brand	56	4	146	0.5254537
recommend_fair cv_als brand	56	5	90	0.47005343
recommend_fair cv_als brand	57	1	116	0.7555657
recommend_fair cv_als brand	57	2	74	0.5580922
recommend_fair cv_als brand	57	3	38	0.54474944
recommend_fair cv_als brand	57	4	108	0.49597523
recommend_fair cv_als brand	57	5	112	0.34408796
recommend_fair cv_als brand	58	1	55	0.99866146
recommend_fair cv_als brand	58	2	129	0.7105174
recommend_fair cv_als brand	58	3	9	0.55774665
recommend_fair cv_als brand	58	4	1	0.45687443
recommend_fair cv_als brand	58	5	136	0.41853902
recommend_fair cv_als brand	59	1	90	0.7214992
recommend_fair cv_als brand	59	2	53	0.58591247
recommend_fair cv_als brand	59	3	129	0.5669319
recommend_fair cv_als brand	59	4	19	0.56660616
recommend_fair cv_als brand	59	5	136	0.38853145
recommend_fair cv_als brand	60	1	24	0.7017515
recommend_fair cv_als brand	60	2	104	0.6468126
recommend_fair cv_als brand	60	3	53	0.63715327
recommend_fair cv_als brand	60	4	14	0.4921734
recommend_fair cv_als brand	60	5	130	0.41538978
similar_items cv_als	1	1	106	0.9624949
similar_items cv_als	1	2	132	0.9581998
similar_items cv_als	1	3	148	0.9564038
similar_items cv_als	1	4	28	0.9466238
similar_items cv_als	1	5	88	0.93873274
similar_items cv_als	2	1	116	0.9940384
similar_items cv_als	2	2	81	0.9678037
similar_items cv_als	2	3	111	0.9553083
similar_items cv_als	2	4	108	0.9331983
similar_items cv_als	2	5	112	0.9252465
similar_items cv_als	3	1	75	0.9832111
similar_items cv_als	3	2	96	0.9693592
similar_items cv_als	3	3	131	0.96496093
similar_items cv_als	3	4	130	0.9585041
similar_items cv_als	3	5	77	0.9569093
similar_items cv_als	4	1	59	0.9870958
similar_items cv_als	4	2	15	0.9690506
similar_items cv_als	4	3	35	0.95487845
similar_items cv_als	4	4	60	0.94016474
similar_items cv_als	4	5	70	0.92837113
similar_items cv_als	5	1	49	0.94961166
similar_items cv_als	5	2	16	0.91018236
similar_items cv_als	5	3	113	0.8989592
similar_items cv_als	5	4	72	0.8646994
similar_items cv_als	5	5	84	0.86110216
similar_items cv_als	6	1	104	0.9540527
similar_items cv_als	6	2	13	0.9504753
similar_items cv_als	6	3	44	0.9352555
similar_items cv_als	6	4	12	0.92276835
similar_items cv_als	6	5	129	0.91269845
similar_items cv_als	7	1	78	0.9793302
similar_items cv_als	7	2	119	0.96320885
similar_items cv_als	7	3	125	0.95439935
similar_items cv_als	7	4	22	0.9467545
similar_items cv_als	7	5	101	0.94608
similar_items cv_als	8	1	143	0.9184228
similar_items cv_als	8	2	52	0.91665787
similar_items cv_als	8	3	60	0.9028146
similar_items cv_als	8	4	138	0.8879037
similar_items cv_als	8	5	103	0.8800869
similar_items cv_als	9	1	81	0.85773975
similar_items cv_als	9	2	55	0.8555217
similar_items cv_als	9	3	2	0.80908877
similar_items cv_als	9	4	116	0.8081287
similar_items cv_als	9	5	27	0.7962817
similar_items cv_als	10	1	142	0.9668407
similar_items cv_als	10	2	147	0.951266
similar_items cv_als	10	3	107	0.95056003
similar_items cv_als	10	4	113	0.94947326
similar_items cv_als	10	5	58	0.93815506
similar_items cv_als	11	1	30	0.9954137
similar_items cv_als	11	2	65	0.9787509
similar_items cv_als	11	3	42	0.9722645
similar_items cv_als	11	4	91	0.9685056
similar_items cv_als	11	5	54	0.9643348
similar_items cv_als	12	1	6	0.92276835
similar_items cv_als	12	2	13	0.87632066
similar_items cv_als	12	3	28	0.8649866
similar_items cv_als	12	4	129	0.8522844
similar_items cv_als	12	5	44	0.84119624
similar_items cv_als	13	1	6	0.9504753
similar_items cv_als	13	2	129	0.9053357
similar_items cv_als	13	3	104	0.900139
similar_items cv_als	13	4	90	0.8950476
similar_items cv_als	13	5	12	0.87632066
similar_items cv_als	14	1	77	0.9550856
similar_items cv_als	14	2	135	0.94405895
similar_items cv_als	14	3	3	0.92982167
similar_items cv_als	14	4	20	0.9263143
similar_items cv_als	14	5	100	0.9226079
similar_items cv_als	15	1	59	0.9878364
similar_items cv_als	15	2	35	0.98230565
similar_items cv_als	15	3	70	0.9746283
similar_items cv_als	15	4	4	0.9690506
similar_items cv_als	15	5	48	0.9676087
similar_items cv_als	16	1	113	0.9751217
similar_items cv_als	16	2	49	0.969815
similar_items cv_als	16	3	147	0.9624088
similar_items cv_als	16	4	26	0.9593043
similar_items cv_als	16	5	65	0.9233838
similar_items cv_als	17	1	27	0.95463204
similar_items cv_als	17	2	74	0.89310706
similar_items cv_als	17	3	141	0.88955903
similar_items cv_als	17	4	93	0.87546283
similar_items cv_als	17	5	38	0.8679557
similar_items cv_als	18	1	63	0.9371738
similar_items cv_als	18	2	94	0.92852736
similar_items cv_als	18	3	52	0.9226122
similar_items cv_als	18	4	70	0.9176659
similar_items cv_als	18	5	79	0.90741295
similar_items cv_als	19	1	90	0.93087095
similar_items cv_als	19	2	148	0.9246413
similar_items cv_als	19	3	23	0.9153336
similar_items cv_als	19	4	129	0.9019232
similar_items cv_als	19	5	109	0.8788214
similar_items cv_als	20	1	77	0.9716618
similar_items cv_als	20	2	96	0.96194637
similar_items cv_als	20	3	21	0.94486713
similar_items cv_als	20	4	3	0.936805
similar_items cv_als	20	5	14	0.9263143
similar_items cv_als	21	1	96	0.9688948
similar_items cv_als	21	2	139	0.962603
similar_items cv_als	21	3	77	0.9571802
similar_items cv_als	21	4	3	0.95270866
similar_items cv_als	21	5	20	0.94486713
similar_items cv_als	22	1	78	0.9712042
similar_items cv_als	22	2	125	0.96528417
similar_items cv_als	22	3	119	0.9606088
similar_items cv_als	22	4	102	0.95157427
similar_items cv_als	22	5	7	0.9467545
similar_items cv_als	23	1	28	0.95671344
similar_items cv_als	23	2	148	0.9497172
similar_items cv_als	23	3	132	0.94147396
similar_items cv_als	23	4	1	0.92988
similar_items cv_als	23	5	19	0.9153336
similar_items cv_als	24	1	130	0.95214075
similar_items cv_als	24	2	85	0.9504233
similar_items cv_als	24	3	89	0.9382399
similar_items cv_als	24	4	75	0.9314213
similar_items cv_als	24	5	36	0.92736095
similar_items cv_als	25	1	105	0.97477853
similar_items cv_als	25	2	32	0.96823716
similar_items cv_als	25	3	102	0.9622665
similar_items cv_als	25	4	34	0.9374581
similar_items cv_als	25	5	22	0.9305174
similar_items cv_als	26	1	66	0.96999437
similar_items cv_als	26	2	16	0.9593043
similar_items cv_als	26	3	113	0.9551123
similar_items cv_als	26	4	147	0.95370144
similar_items cv_als	26	5	144	0.93268067
similar_items cv_als	27	1	17	0.95463204
similar_items cv_als	27	2	92	0.9389966
similar_items cv_als	27	3	38	0.9375998
similar_items cv_als	27	4	74	0.8993689
similar_items cv_als	27	5	93	0.88917506
similar_items cv_als	28	1	23	0.95671344
similar_items cv_als	28	2	106	0.95314926
similar_items cv_als	28	3	95	0.9484558
similar_items cv_als	28	4	1	0.9466238
similar_items cv_als	28	5	132	0.9409844
similar_items cv_als	29	1	149	0.9216239
similar_items cv_als	29	2	110	0.9179561
similar_items cv_als	29	3	136	0.91774505
similar_items cv_als	29	4	109	0.90956724
similar_items cv_als	29	5	19	0.8063769
similar_items cv_als	30	1	11	0.9954137
similar_items cv_als	30	2	65	0.984026
similar_items cv_als	30	3	91	0.9768781
similar_items cv_als	30	4	147	0.97145367
similar_items cv_als	30	5	54	0.97134787
\.


--
-- Data for Name: cv_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.cv_items (item_id, brand, category, price_tier, price) FROM stdin;
55	Globex	grocery	budget	6.85
9	Acme	health	budget	12.09
53	Brand 003	fashion	budget	7.42
134	Brand 005	home	budget	14.59
36	Globex	baby	budget	12.68
145	Initech	toys	mid	63.38
54	Acme	gaming	budget	10.70
99	Brand 004	fashion	mid	60.55
35	Brand 004	sports	budget	6.16
4	Brand 001	outdoor	mid	68.97
97	Acme	baby	mid	47.20
90	Initech	kitchen	budget	14.16
10	Brand 001	gaming	mid	81.25
19	Brand 001	kitchen	budget	10.58
20	Globex	toys	budget	13.72
15	Acme	outdoor	budget	6.27
27	Brand 001	grocery	budget	12.18
135	Brand 001	toys	budget	10.66
34	Brand 003	beauty	budget	11.42
31	Brand 001	baby	premium	318.92
1	Brand 001	kitchen	budget	13.37
45	Brand 003	toys	budget	14.30
48	Globex	sports	budget	10.60
131	Globex	baby	budget	5.45
65	Brand 001	electronics	mid	84.81
104	Globex	kitchen	mid	42.94
91	Brand 002	electronics	budget	14.04
126	Acme	beauty	budget	7.19
67	Brand 003	outdoor	mid	32.29
142	Brand 005	electronics	mid	39.67
11	Brand 003	gaming	mid	79.31
77	Brand 002	baby	mid	42.45
137	Brand 003	toys	budget	12.34
59	Brand 001	outdoor	budget	14.41
3	Brand 002	toys	budget	5.02
125	Acme	beauty	budget	11.72
5	Brand 003	electronics	mid	72.17
117	Brand 002	electronics	mid	64.30
111	Globex	health	budget	9.83
44	Brand 002	kitchen	mid	59.26
70	Brand 003	sports	mid	53.93
64	Brand 002	beauty	budget	11.60
7	Brand 001	beauty	mid	86.02
129	Globex	home	mid	42.74
30	Brand 004	electronics	budget	7.48
16	Acme	electronics	budget	12.18
14	Brand 004	baby	budget	10.40
113	Brand 004	electronics	premium	189.41
66	Brand 004	gaming	budget	5.30
46	Brand 002	outdoor	mid	44.13
110	Brand 001	home	premium	168.92
26	Brand 004	electronics	budget	6.16
74	Brand 004	grocery	budget	12.90
49	Brand 001	gaming	budget	10.73
79	Brand 005	outdoor	mid	42.86
28	Brand 005	kitchen	budget	10.53
86	Brand 004	baby	budget	7.38
62	Brand 003	sports	premium	316.15
58	Brand 002	gaming	mid	41.38
108	Brand 005	health	budget	10.49
138	Brand 004	sports	budget	10.88
80	Brand 001	toys	budget	7.96
148	Brand 001	home	budget	14.16
41	Brand 002	sports	mid	34.11
73	Brand 001	sports	mid	84.73
83	Brand 005	beauty	mid	64.81
140	Brand 001	toys	premium	314.00
133	Brand 005	beauty	mid	60.48
47	Brand 005	beauty	premium	241.98
17	Brand 001	grocery	budget	5.21
132	Brand 005	home	budget	13.91
144	Brand 003	electronics	mid	75.53
24	Brand 002	toys	mid	50.35
13	Brand 001	kitchen	mid	51.24
60	Initech	outdoor	budget	11.52
81	Brand 005	grocery	budget	12.97
2	Brand 004	health	mid	62.49
112	Brand 003	health	budget	8.14
109	Brand 002	home	budget	13.59
37	Brand 003	kitchen	mid	52.38
63	Brand 005	sports	mid	62.72
102	Brand 005	beauty	budget	13.94
143	Brand 005	sports	budget	6.74
23	Brand 002	home	budget	11.04
116	Brand 002	grocery	mid	33.03
51	Brand 004	kitchen	mid	59.78
71	Brand 001	grocery	budget	5.83
120	Brand 002	health	budget	12.63
136	Brand 002	kitchen	premium	308.57
84	Brand 005	gaming	mid	64.18
33	Brand 001	home	premium	357.99
25	Brand 004	fashion	budget	9.54
146	Brand 002	toys	premium	127.62
18	Brand 001	outdoor	mid	80.45
69	Brand 004	grocery	budget	13.12
123	Brand 002	electronics	mid	88.29
95	Brand 004	kitchen	budget	10.45
56	Brand 001	health	budget	9.19
119	Brand 002	fashion	mid	52.54
29	Brand 001	home	premium	143.80
52	Brand 002	outdoor	budget	6.45
130	Brand 005	toys	mid	34.65
115	Brand 002	sports	mid	69.09
75	Brand 005	baby	budget	10.21
107	Brand 003	electronics	mid	63.40
124	Brand 004	grocery	premium	200.74
85	Brand 001	baby	mid	44.15
12	Brand 003	home	mid	41.04
141	Brand 003	grocery	budget	10.41
82	Brand 004	kitchen	budget	7.55
57	Brand 002	beauty	mid	75.95
147	Brand 003	gaming	mid	86.80
21	Brand 001	baby	mid	51.26
93	Brand 002	health	budget	9.32
32	Brand 002	fashion	budget	11.37
42	Brand 002	gaming	budget	13.09
127	Brand 002	baby	budget	6.80
149	Brand 004	kitchen	premium	289.27
92	Brand 003	grocery	budget	6.05
6	Brand 003	kitchen	mid	35.84
89	Brand 005	toys	mid	66.64
39	Brand 005	toys	budget	13.62
8	Brand 004	outdoor	mid	62.95
76	Brand 001	home	budget	13.62
101	Brand 003	beauty	mid	45.77
105	Brand 002	fashion	budget	7.51
72	Brand 005	electronics	budget	10.12
68	Brand 003	beauty	mid	83.14
98	Brand 004	kitchen	mid	35.34
94	Brand 005	sports	mid	62.91
87	Brand 001	home	mid	45.82
150	Brand 003	gaming	budget	10.75
114	Brand 005	beauty	budget	8.19
128	Brand 004	outdoor	premium	191.09
103	Brand 001	sports	budget	6.76
88	Brand 003	home	budget	12.22
38	Brand 001	health	premium	146.17
43	Brand 003	baby	premium	216.16
22	Brand 005	beauty	mid	51.12
50	Brand 001	fashion	premium	338.19
121	Brand 004	home	budget	5.15
40	Brand 002	beauty	premium	303.65
100	Brand 004	toys	mid	86.29
139	Brand 003	baby	budget	13.29
118	Brand 002	beauty	budget	9.01
61	Brand 001	sports	budget	7.06
78	Brand 003	fashion	mid	60.41
106	Brand 003	home	budget	6.40
96	Brand 003	toys	mid	86.79
122	Brand 002	sports	mid	56.08
\.


--
-- Data for Name: fair_exposure; Type: TABLE DATA; Schema: recfair; Owner: -
--

COPY recfair.fair_exposure (model, group_col, group_value, shard, exposure, plain_exposure) FROM stdin;
\.


--
-- Data for Name: item_factors; Type: TABLE DATA; Schema: recfair; Owner: -
--

COPY recfair.item_factors (model, item_id, factors, bias) FROM stdin;
cv_als	1	[-0.3103453,-0.19575144,-0.6756126,0.09331449,0.56514126,0.17100026,0.22525516,0.747077]	\N
cv_als	2	[-0.15273939,0.027211547,0.50249666,1.6094526,-0.7762167,-0.9771465,-0.48256823,0.343728]	\N
cv_als	3	[0.30129367,0.57526106,-0.42314026,0.06604645,-0.51972145,0.18386348,0.5330203,0.000331897]	\N
cv_als	4	[1.8706144,-0.51343745,0.36080015,-0.45989585,-0.6755309,-0.4315664,-0.35476848,1.3540101]	\N
cv_als	5	[0.16254807,-0.15124737,0.1084903,0.025300888,0.25257075,0.025244413,0.18820457,-0.19538055]	\N
cv_als	6	[0.02711058,-0.08843067,-0.48556215,0.23872918,0.51004046,-0.2649024,0.016878633,0.32745424]	\N
cv_als	7	[-0.5575015,-0.5994747,0.8038362,-0.21430185,-0.476833,-0.32652065,1.4709561,0.2860183]	\N
cv_als	8	[0.38404167,-0.11144476,0.42025974,-0.327362,-0.030527,0.097808115,-0.19590384,0.34860256]	\N
cv_als	9	[0.33516192,-0.7267852,0.005140923,2.0485477,-1.1108012,-0.76888067,0.5103127,0.8473593]	\N
cv_als	10	[0.40099406,-0.5888674,0.23150714,0.84895563,0.38515517,0.07778097,0.4997374,-1.0174108]	\N
cv_als	11	[0.3569384,-0.8172356,0.17122619,0.5924232,0.06017513,0.34282637,0.6571798,-0.8399286]	\N
cv_als	12	[0.10637827,-0.1206814,-0.31998304,0.2919832,0.47451648,-0.054191723,-0.1428665,0.25209033]	\N
cv_als	13	[0.048042867,0.05204831,-0.57209015,0.3546282,0.361978,-0.25048625,-0.03038135,0.46659568]	\N
cv_als	14	[0.1666643,0.8477232,-0.5922659,-0.2725203,-0.5973193,0.5480679,0.6101929,0.021965345]	\N
cv_als	15	[1.7670053,-0.35015845,0.6827796,-0.6323145,-0.38288033,-0.5744593,-0.440972,0.9841036]	\N
cv_als	16	[0.41953853,-0.6363849,-0.07170802,0.336692,0.55688906,0.17458461,0.532905,-0.63038933]	\N
cv_als	17	[-0.28530064,-0.29846787,-0.054246165,0.9114422,-0.27656588,0.15447198,-0.26622522,0.1901411]	\N
cv_als	18	[0.464813,0.099587694,0.12016587,-0.27084962,0.12161091,-0.0009911379,-0.23255196,0.2593639]	\N
cv_als	19	[0.16817227,-0.67695683,-0.8293676,0.29065657,0.3625304,0.18849185,-0.01178896,1.2668355]	\N
cv_als	20	[0.80859655,0.9851418,-0.94347864,-0.43955344,-1.446728,0.58587873,0.96575725,0.39742434]	\N
cv_als	21	[0.16668157,0.5143964,-0.5795409,0.01614455,-0.61294436,0.11377248,0.4413151,0.21468267]	\N
cv_als	22	[-0.23963112,-0.16677581,0.32815245,-0.12453668,0.013314819,-0.16179673,0.4999566,0.20632648]	\N
cv_als	23	[-0.044642553,-0.18455197,-0.5070403,0.013467154,0.40309852,0.20556201,-0.1036354,0.5889094]	\N
cv_als	24	[0.44811648,1.0432773,-0.59594655,0.024240453,-0.4489396,-0.18551724,0.50816965,-0.073661625]	\N
cv_als	25	[-0.50705665,0.053115927,0.4439633,-0.41371113,0.11035441,-0.4887847,0.84436506,0.4578245]	\N
cv_als	26	[0.31563795,-0.50463516,-0.17429039,0.34464288,0.21809338,0.07869278,0.47353217,-0.39514777]	\N
cv_als	27	[-0.3322244,-0.24570186,-0.029696787,1.32278,-0.7934942,0.25298443,-0.22989437,0.45506158]	\N
cv_als	28	[-0.09930809,-0.28461388,-0.5987021,0.12902912,0.58554167,0.13846712,-0.006031149,0.4822006]	\N
cv_als	29	[-0.00454938,-0.31890827,-0.22640842,-0.020831378,-0.21006392,0.27654597,-0.04554399,0.54113805]	\N
cv_als	30	[0.30002505,-0.61747116,0.10551554,0.34741575,0.07923496,0.2820062,0.4754661,-0.61517745]	\N
cv_als	31	[0.35400388,1.1486176,-0.3159816,0.09244074,0.09128988,-0.5719659,0.6579707,-0.41679674]	\N
cv_als	32	[-0.3417753,0.036943913,0.5436054,-0.22009923,0.083739035,-0.48284853,0.76767164,0.23310845]	\N
cv_als	33	[0.11192521,-0.16740766,-0.23686756,0.2300254,0.079858,-0.15762605,0.074493356,0.15720242]	\N
cv_als	34	[-0.80509,-0.20805787,0.63102394,-0.1218944,0.00971173,-1.2921864,1.7447187,0.7717603]	\N
cv_als	35	[1.9623281,-0.6740048,0.7268749,-0.5162841,-0.30504555,-0.6689969,-0.20154147,0.8973585]	\N
cv_als	36	[0.7285601,1.3772227,-0.8674784,0.28360304,-1.3571236,-0.39806774,1.5579722,-0.060873665]	\N
cv_als	37	[0.08736384,-0.47347948,-0.71867836,0.17569777,0.38489527,0.18391007,0.37691218,0.36142495]	\N
cv_als	38	[-0.37528208,-0.2624483,0.18060039,0.83063436,-0.8085706,0.117585555,-0.4007384,0.61944604]	\N
cv_als	39	[0.25694424,0.49738774,-0.1942827,0.08756555,-0.4801094,0.17258793,0.39301008,-0.24871072]	\N
cv_als	40	[-0.22021392,0.08063201,0.29698375,-0.12941529,0.23320538,0.19164717,0.22109807,-0.11845176]	\N
cv_als	41	[0.60086095,-0.14293908,0.24828008,-0.11109745,0.19842586,-0.14043775,-0.34229648,0.268895]	\N
cv_als	42	[0.13521032,-0.44950292,0.036100447,0.3660246,0.09225284,0.11319851,0.24244887,-0.32956713]	\N
cv_als	43	[0.11302729,0.46292922,-0.07185922,-0.09616825,0.020542005,-0.2464325,0.33463246,-0.005742813]	\N
cv_als	44	[0.02220565,-0.019172072,-0.4592118,0.27573675,0.90267164,-0.4143288,0.1962484,0.2286361]	\N
cv_als	45	[-0.025480123,0.34952903,0.028866611,-0.20924893,-0.1543678,0.18739016,0.38881892,0.15483572]	\N
cv_als	46	[0.39510623,-0.10604828,0.14665851,-0.23718178,0.30331522,-0.19718403,-0.21513326,0.5738079]	\N
cv_als	47	[-0.684595,-0.13673721,0.5927511,0.042181358,-0.21131536,-0.047085095,0.6974691,0.2428257]	\N
cv_als	48	[1.4339106,-0.18044788,0.57657015,-0.28409585,-0.15357237,-0.4686338,-0.741446,0.7001058]	\N
cv_als	49	[0.35213128,-0.3342015,0.07802664,0.20812652,0.43855318,0.124661066,0.38648313,-0.6084311]	\N
cv_als	50	[-0.7577376,-0.42970678,0.660988,-0.29677725,-0.17885613,0.1927431,0.80068606,0.3899254]	\N
cv_als	51	[-0.027233573,0.071816176,-0.038758073,0.114154175,0.4035456,-0.24480022,0.004759105,0.08023089]	\N
cv_als	52	[0.69888455,0.037402984,0.3535008,-0.36056927,-0.11079922,0.10344312,-0.39567405,0.27906838]	\N
cv_als	53	[-0.23891413,-0.68633026,0.38169396,0.072680436,-0.5044392,-0.9656662,2.3650248,0.94495]	\N
cv_als	54	[0.87068444,-1.3098465,-0.17470872,0.90686727,0.007761769,0.9702322,1.0841757,-1.2365526]	\N
cv_als	55	[1.5888976,-1.3034866,-0.4725598,1.8408811,-2.2466457,-0.9096832,2.2704418,1.4284065]	\N
cv_als	56	[-0.35615063,0.12919044,0.30478954,0.773246,-0.2841658,0.24108568,-0.36308295,0.14981627]	\N
cv_als	57	[-0.04431593,-0.14966337,0.12793262,-0.036927573,-0.12356629,-0.13967067,0.29024497,0.13653772]	\N
cv_als	58	[0.2852566,-0.14842363,0.15273249,0.40562215,0.23209101,0.03091527,0.030286837,-0.46318978]	\N
cv_als	59	[1.122279,-0.272242,0.39605892,-0.40152696,-0.4524153,-0.30672368,-0.3217128,0.75309205]	\N
cv_als	60	[0.92841464,-0.31309253,0.34655014,-0.32238385,-0.19916701,0.021232065,-0.4339628,0.53145313]	\N
cv_als	61	[0.22935002,-0.040987723,0.23005208,-0.002609573,0.098379456,0.0016408744,-0.20695034,0.06805195]	\N
cv_als	62	[0.6251941,-0.3323105,0.34122145,-0.67858744,-0.2671904,0.6768294,-0.28796646,0.48620233]	\N
cv_als	63	[0.7147266,0.07278093,0.19757077,-0.38706166,-0.055753715,0.023171376,-0.14226122,0.2505427]	\N
cv_als	64	[-0.616724,0.18666701,0.5571649,0.02267274,0.09294831,-0.7532637,0.74057263,0.3823245]	\N
cv_als	65	[0.4218435,-1.3027544,0.024133228,0.8033241,0.34688377,0.78554964,0.98033357,-1.1412756]	\N
cv_als	66	[0.38889253,-0.46252024,-0.20807976,0.53763455,0.15803525,-0.034271333,0.6603191,-0.62080115]	\N
cv_als	67	[1.049479,-0.38792747,0.26723778,-0.24332054,0.13295951,-0.2019014,-0.48744482,0.6673894]	\N
cv_als	68	[-0.03011082,0.010556236,0.091531,-0.048639808,-0.023550002,-0.099279754,0.13658777,0.03753562]	\N
cv_als	69	[-0.09424235,0.080605164,0.27418438,0.5481974,-0.046756115,-0.18281847,-0.42441478,0.18890367]	\N
cv_als	70	[1.5403956,-0.096971266,0.34733588,-0.6809242,-0.070247024,-0.40650108,-0.3928394,0.6899581]	\N
cv_als	71	[-0.25180286,0.05681897,0.3369623,0.68850136,-0.32357526,0.29343894,-0.41928938,0.040044308]	\N
cv_als	72	[0.08547392,-0.11687235,-0.019679919,0.13478923,0.28812295,0.12779911,0.11008379,-0.23194379]	\N
cv_als	73	[0.3292693,-0.097180545,0.017337775,-0.13438715,0.3637402,-0.13091342,0.015792375,0.27505946]	\N
cv_als	74	[-0.32598963,-0.07224787,0.351521,1.0402777,-0.48959056,-0.024365736,-0.30896127,0.03587905]	\N
cv_als	75	[0.29048887,0.5839486,-0.44454482,0.00023395596,-0.5081524,0.09722795,0.5443048,-0.166307]	\N
cv_als	76	[-0.17482083,0.05708528,0.06875791,0.21287845,0.20461439,-0.08773251,-0.1314356,0.1588756]	\N
cv_als	77	[0.4181956,0.78110135,-0.7219224,-0.077371486,-0.84019214,0.48996654,0.46796575,0.14363703]	\N
cv_als	78	[-0.48489946,-0.27834183,0.52728826,-0.13897721,-0.16110463,-0.16102213,0.78260964,0.18986733]	\N
cv_als	79	[0.37918946,0.06736499,0.24637313,-0.15910098,0.14969037,0.08031734,-0.28235427,0.07739719]	\N
cv_als	80	[0.2591612,0.3922343,-0.49823165,0.124951944,-0.73026395,0.47593933,0.4960382,-0.20593056]	\N
cv_als	81	[0.1317172,-0.010757437,0.2232524,0.66496044,-0.38005587,-0.3192404,-0.18297255,0.20029053]	\N
cv_als	82	[-0.007337544,-0.06893104,-0.3952432,0.12979731,0.061187357,-0.13114396,0.1784483,0.4138301]	\N
cv_als	83	[0.07180312,-0.118465856,0.35022348,0.05586313,-0.31777546,-0.413579,0.6810984,0.057580885]	\N
cv_als	84	[0.19231424,-0.17974639,0.03258063,0.065392084,0.07929791,-0.0145773925,0.15555161,-0.084290534]	\N
cv_als	85	[0.14645895,0.5134551,-0.34733018,0.10572816,-0.24949877,-0.03628021,0.3640382,-0.21622357]	\N
cv_als	86	[0.42440993,0.51809216,-0.3511184,0.025391024,-0.7821209,0.48407388,0.47040418,-0.23506732]	\N
cv_als	87	[0.046167795,-0.15978257,-0.2226622,0.41262078,0.38148504,-0.58628213,0.14105628,0.25249106]	\N
cv_als	88	[-0.025251614,0.011557696,-0.3994918,0.008223346,0.17309684,0.08037257,0.11561534,0.3642277]	\N
cv_als	89	[0.0671256,0.8488512,-0.4732249,-0.004530665,-0.17466156,0.051746942,0.3612349,-0.12111633]	\N
cv_als	90	[0.25504494,-0.583418,-1.486957,0.4697275,0.64690995,-0.17994495,0.27270246,1.2725694]	\N
cv_als	91	[0.44789866,-1.1802447,0.09869677,0.61110795,0.022529498,0.94382477,0.906232,-1.0673013]	\N
cv_als	92	[-0.11540836,0.026855256,-0.031389095,0.23223695,-0.21067376,0.1068127,-0.074338496,0.09229949]	\N
cv_als	93	[-0.24249105,0.03783668,0.26265246,0.8620642,-0.44669607,0.038669057,-0.37811542,0.017693741]	\N
cv_als	94	[0.3025962,0.089935966,0.20850985,-0.3368223,0.2451399,0.044728674,-0.22409783,0.18095557]	\N
cv_als	95	[-0.088217765,-0.36362323,-0.45607612,0.19193406,0.43338388,0.13081986,0.21955232,0.38154426]	\N
cv_als	96	[0.22567347,0.40149394,-0.3492593,0.009449276,-0.46815318,0.1397128,0.23046726,0.04686579]	\N
cv_als	97	[0.40850222,1.4024657,-0.6115056,-0.093221515,-1.1502777,-0.28569916,1.0757827,0.47399002]	\N
cv_als	98	[-0.027791305,-0.093757115,-0.14002495,0.15800737,0.0096288,-0.003733094,-0.024920749,0.13857804]	\N
cv_als	99	[-0.71872056,-0.41464326,0.6707131,-0.402691,-0.62946403,0.056229353,1.3957093,0.68705]	\N
cv_als	100	[0.106088646,0.40969884,-0.3308839,0.08030908,-0.3522679,0.24698213,0.37675872,-0.190042]	\N
cv_als	101	[-0.11982818,-0.057329066,0.24499202,-0.056867298,-0.23121206,-0.20871566,0.5545403,0.20021938]	\N
cv_als	102	[-0.5277102,-0.040701587,0.53006214,-0.15969583,0.15609343,-0.3646799,0.6456537,0.29830188]	\N
cv_als	103	[0.19830215,-0.01567144,0.25281632,-0.14224274,0.09377964,0.12085619,-0.32429108,0.1993058]	\N
cv_als	104	[0.2810675,0.02539857,-0.83655524,0.37016582,0.8508458,-0.57516086,0.2745651,0.36978903]	\N
cv_als	105	[-0.4042496,-0.015441396,0.46512055,-0.18408309,0.17230192,-0.40006152,0.6062006,0.27094862]	\N
cv_als	106	[-0.13711362,-0.039269872,-0.27446917,0.098726176,0.3246499,0.015998092,0.022718258,0.29256454]	\N
cv_als	107	[0.22775368,-0.18530719,0.03240496,0.26822662,0.012205766,0.10783553,0.16608183,-0.389773]	\N
cv_als	108	[-0.032823224,0.056437325,0.12190702,1.0544573,-0.35345462,-0.21985745,-0.40290272,0.075176775]	\N
cv_als	109	[0.14151318,-0.38158935,-0.3284447,0.09482111,-0.0772257,0.27047482,0.061901275,0.3952586]	\N
cv_als	110	[-0.23738429,-0.49099967,-0.57323587,-0.037125953,-0.53609073,0.8029124,0.22598784,0.761928]	\N
cv_als	111	[-0.22826163,0.07437122,0.52719754,1.2653899,-0.33391902,-0.44173786,-0.5121643,0.10171428]	\N
cv_als	112	[-0.08161195,-0.0022857327,0.16515619,0.6980398,-0.20391303,-0.11078591,-0.25704563,0.031212121]	\N
cv_als	113	[0.5271465,-0.6055734,0.051386427,0.44192922,0.41914535,0.06638502,0.6448042,-0.8011953]	\N
cv_als	114	[-0.2329112,-0.12382486,0.24106956,-0.022659494,0.16278768,-0.52528745,0.54627,0.307351]	\N
cv_als	115	[0.22091563,0.04269377,0.21795262,-0.12990071,0.16599219,0.010937449,-0.18760322,0.1730851]	\N
cv_als	116	[-0.12209984,0.12823589,0.41176847,1.5257833,-0.7059545,-1.0974922,-0.39596626,0.41325408]	\N
cv_als	117	[0.22976856,-0.252184,-0.039930247,0.5772973,0.45439807,0.011737467,0.073843874,-0.47119796]	\N
cv_als	118	[-0.43194503,0.071961015,0.35970876,-0.18507828,0.33685634,-0.2532799,0.4111834,0.12981635]	\N
cv_als	119	[-0.4808806,-0.23456337,0.38649914,-0.16033404,-0.1581813,-0.39970958,1.0949295,0.25901937]	\N
cv_als	120	[-0.23921625,0.26786733,0.08867041,0.8027052,-0.35670045,-0.18385397,-0.2965027,0.15749957]	\N
cv_als	121	[0.019657299,0.05561328,-0.23415457,0.12765071,-0.06283053,0.10149734,0.13801102,0.08507936]	\N
cv_als	122	[0.34128892,0.10784249,0.16003677,-0.14917819,0.15396824,-0.0040281657,-0.04300151,-0.02477604]	\N
cv_als	123	[0.101477265,-0.0590134,-0.004736776,0.08875438,0.025681438,0.045574743,0.12663174,-0.22021422]	\N
cv_als	124	[-0.5522639,-0.14637752,0.14284405,0.59858644,-0.36523476,0.27320626,-0.35770205,0.5965401]	\N
cv_als	125	[-0.45649862,-0.23442747,0.644427,-0.116721936,-0.04659856,-0.46630052,1.1783844,0.14231454]	\N
cv_als	126	[-0.355476,0.37849128,0.30390584,-0.09342015,0.2421927,-1.0670104,1.0015461,0.62268674]	\N
cv_als	127	[0.040588107,0.47632605,-0.17404532,-0.059535928,0.20368825,-0.09348984,0.13614899,-0.025550641]	\N
cv_als	128	[0.4772574,-0.2680067,0.33889133,-0.5134962,-0.31464845,0.6670413,-0.47258702,0.61654377]	\N
cv_als	129	[0.3781504,-0.5348797,-1.2723601,0.42629957,0.68519956,-0.27391514,0.16900213,0.9903806]	\N
cv_als	130	[0.32824683,0.66895807,-0.45133352,0.15159996,-0.50750816,0.03725973,0.40868786,-0.21794215]	\N
cv_als	131	[0.61672163,0.8596749,-0.59009755,-0.025907317,-1.0957946,0.37915155,0.8627761,-0.37708855]	\N
cv_als	132	[-0.10350643,-0.05756036,-0.8022457,0.020976016,0.48403552,0.22504613,0.1288691,0.57675564]	\N
cv_als	133	[-0.39137706,-0.062893145,0.5120092,-0.07373113,0.21030582,-0.29237378,0.6582886,0.0332276]	\N
cv_als	134	[0.49037805,-0.5815035,-1.3396426,1.1990175,0.08133506,-0.57404387,0.52878684,1.2809192]	\N
cv_als	135	[-0.0051322477,0.7081601,-0.47498322,0.072543465,-0.8137357,0.58640385,0.6607625,-0.09045971]	\N
cv_als	136	[-0.26352167,-0.55641603,-0.5820954,-0.19094136,-0.0059178458,0.72648793,0.10317065,0.9469223]	\N
cv_als	137	[0.53925717,0.23087946,-0.5352535,-0.045832727,-0.25187385,0.2807316,0.76337194,-0.27692023]	\N
cv_als	138	[0.9018133,-0.26953134,0.45966402,-0.17672445,-0.19686185,-0.021551106,-0.5125067,0.45512417]	\N
cv_als	139	[0.110170215,0.15350233,-0.2509186,0.0401586,-0.16675837,0.0747038,0.14429732,0.04171851]	\N
cv_als	140	[0.56984496,1.0786384,-0.5912242,0.22653681,0.00012583185,-0.5192106,0.58252466,-0.47297326]	\N
cv_als	141	[-0.22524434,-0.043849945,0.2391778,0.5875386,-0.21249564,-0.033253916,-0.19576648,0.1368456]	\N
cv_als	142	[0.2331623,-0.58861935,0.19172204,0.6833851,0.5681116,0.051914793,0.36164048,-0.6511878]	\N
cv_als	143	[0.29130852,-0.013165695,0.3606815,-0.20899294,0.037616722,0.057331245,-0.39254957,0.5100016]	\N
cv_als	144	[0.048836574,-0.20743665,-0.05984148,0.18299675,0.03907761,0.13622737,0.18683514,-0.16502412]	\N
cv_als	145	[0.8048483,1.3367301,-0.6249773,-0.21518788,-1.4726628,-0.174225,1.6353067,-0.051667377]	\N
cv_als	146	[0.30745894,0.6709338,-0.40638834,0.050877403,0.19132957,-0.37335947,0.51122993,-0.26445338]	\N
cv_als	147	[0.3934044,-0.5802055,0.026855703,0.37213475,0.22765599,0.13541378,0.364165,-0.61357373]	\N
cv_als	148	[-0.1449103,-0.36142206,-0.7625164,-0.02043757,0.357474,0.29325467,0.17542067,0.8185302]	\N
cv_als	149	[0.14518371,-0.37347317,-0.29875043,0.04655507,-0.13443859,0.3282764,0.08023593,0.37622514]	\N
cv_als	150	[0.38356978,-0.52462286,0.0035814617,0.03646686,-0.007830898,0.45019048,0.3870262,-0.42663226]	\N
cv_explicit	1	[0.18879595,-0.4467808,0.2764977,-0.0001635552]	-1.4217008
cv_explicit	2	[-1.7332399,0.7655136,3.129298,-1.1710541]	2.1398466
cv_explicit	3	[-0.058442958,-0.18756537,0.054827195,-0.5565126]	-1.3029897
cv_explicit	4	[-4.114332,8.628977,-1.8421879,2.2254307]	3.799929
cv_explicit	5	[0.54970604,0.41768217,0.17008054,-0.28613967]	-1.2671106
cv_explicit	6	[0.3584003,-0.39531872,-0.17597918,-1.1235751]	-0.6783089
cv_explicit	7	[-0.9777414,0.621468,2.104053,-0.36781278]	0.01695703
cv_explicit	8	[0.57410103,-0.03554317,0.3171523,-0.13045321]	-0.72218794
cv_explicit	9	[0.68505275,-0.18212377,0.6053251,0.797499]	0.18456042
cv_explicit	10	[-0.42859173,-0.7154961,1.1188806,-0.040672086]	-0.74680454
cv_explicit	11	[0.40387407,-0.20187278,0.20259449,-0.12677406]	-1.600562
cv_explicit	12	[0.40937856,0.3674379,-0.5297242,0.020280086]	-0.9456213
cv_explicit	13	[-0.10027357,0.9455518,-0.14195284,0.015523992]	-0.7747112
cv_explicit	14	[0.4409848,-0.44912916,0.20758562,0.08071702]	-0.8632562
cv_explicit	15	[-1.735264,-1.1757414,1.1179807,0.14604902]	1.011868
cv_explicit	16	[-0.021466173,-0.5040454,-0.60143673,-0.009638941]	-0.5199165
cv_explicit	17	[-0.9407198,-0.2267108,0.6032482,-1.0005825]	0.6901693
cv_explicit	18	[-0.642666,0.2540504,0.16421783,0.31616879]	-0.8135405
cv_explicit	19	[0.029362636,-0.36169368,-0.055478513,-0.4718193]	-1.0057585
cv_explicit	20	[0.4223694,-1.2566841,-2.3401775,0.43606332]	0.35017812
cv_explicit	21	[0.6237013,0.2579144,-0.1287356,-0.2606327]	-0.77288955
cv_explicit	22	[-0.41878554,0.2012963,-0.12728289,-0.4749148]	-1.5009483
cv_explicit	23	[0.63225746,-0.43889347,0.36651567,0.4421611]	-0.7421132
cv_explicit	24	[0.46577105,-0.5853845,0.43079972,0.50994897]	-0.48107764
cv_explicit	25	[-0.60091734,0.16840236,0.33243623,-0.26008913]	-0.55421734
cv_explicit	26	[-0.1662547,0.029993076,0.8103969,0.3297683]	-0.35796505
cv_explicit	27	[0.27052864,0.37891248,0.6286594,-0.86191064]	-0.861801
cv_explicit	28	[0.35913852,0.44706783,-0.14391902,0.27480537]	-0.8402105
cv_explicit	29	[0.31696483,0.041099284,0.8031915,-0.7341645]	-1.1014047
cv_explicit	30	[0.6855742,0.18680015,0.41479108,0.28953928]	-1.2233173
cv_explicit	31	[-1.2545952,-0.18736981,3.951363,-1.5867949]	2.6230245
cv_explicit	32	[-0.043908797,-0.53407174,0.52638584,-0.21446913]	-0.7724357
cv_explicit	33	[-0.12946579,-0.35810083,-0.029402316,-0.51144016]	-1.3900687
cv_explicit	34	[1.3730843,1.8461716,0.7654302,1.0290478]	1.2703819
cv_explicit	35	[-2.096496,1.7065787,-1.0913072,-1.3101107]	1.204255
cv_explicit	36	[-2.0784757,0.41882935,-1.1684959,1.6230662]	1.704255
cv_explicit	37	[0.3488212,-1.353027,-0.8811551,-0.7452654]	-1.2801877
cv_explicit	38	[0.8064032,0.75158036,-1.2605882,-1.4725369]	0.15293553
cv_explicit	39	[-0.08751386,-0.44912013,0.21431698,-0.4853446]	-1.0158716
cv_explicit	40	[1.4913248,-0.5158584,-0.09828013,1.429967]	-1.26028
cv_explicit	41	[0.4818978,-0.12364111,-1.0885743,1.1530317]	-0.6658476
cv_explicit	42	[0.2057839,-0.36811808,0.1663527,-0.5313914]	-1.9291583
cv_explicit	43	[-0.7005763,1.2159268,-0.13868454,0.17933959]	-0.4244735
cv_explicit	44	[0.22730544,-0.1887598,-0.22886647,-0.7841829]	-1.078873
cv_explicit	45	[0.052725032,-0.44121146,-0.31553453,-0.33664435]	-2.3163595
cv_explicit	46	[0.44336626,0.31149083,0.023573872,0.25188285]	-0.6956322
cv_explicit	47	[4.274073,0.9733401,1.9164827,1.0233155]	3.5317357
cv_explicit	48	[-0.14030097,-0.14405178,0.11110782,-0.20550445]	-0.5440115
cv_explicit	49	[1.144004,0.15689158,0.16319562,-0.39420503]	-1.2707366
cv_explicit	50	[7.7303243,-2.756069,-1.0157982,1.3952831]	4.76
cv_explicit	51	[0.10513214,-0.23860583,-0.019947588,-0.7569173]	-1.1904006
cv_explicit	52	[0.30314532,-0.28257614,-0.5774006,-0.47197628]	-0.1179744
cv_explicit	53	[1.024012,0.60731876,-0.9373554,-0.9354383]	0.864941
cv_explicit	54	[2.5425909,0.8144123,1.3646628,-0.39613682]	1.3497891
cv_explicit	55	[-0.7837974,2.2376852,0.44779056,2.7485116]	1.6041652
cv_explicit	56	[-0.16296487,-0.51391757,0.31558454,-0.46536952]	-0.5410073
cv_explicit	57	[-0.45048937,0.314283,1.1693286,-0.6692299]	-0.7803745
cv_explicit	58	[0.36909807,-0.5641173,-0.7484738,-0.12449477]	-0.6382053
cv_explicit	59	[0.09167544,-0.3811006,0.6657648,0.63568866]	-0.42838836
cv_explicit	60	[-0.40990517,0.67789793,-0.22811964,0.08354708]	-0.6999957
cv_explicit	61	[0.7334376,-0.17988274,-0.24270362,-0.2881067]	-1.1892792
cv_explicit	62	[1.0827093,-0.56038284,-3.6771407,0.14284271]	2.594503
cv_explicit	63	[0.20721787,0.19159521,0.25157714,-1.3534778]	0.3205431
cv_explicit	64	[-0.8681783,1.1231984,-0.8808302,-0.16543902]	-0.54935664
cv_explicit	65	[-0.72538006,0.8138731,0.9942342,-0.845645]	0.8395109
cv_explicit	66	[0.2846021,0.568101,-0.50347304,-0.5566282]	-1.0436796
cv_explicit	67	[-0.012327978,0.70955217,-0.16438682,-0.16637026]	-0.6710194
cv_explicit	68	[0.31472856,0.43457013,0.22369891,-0.16911502]	0.35099706
cv_explicit	69	[-0.18853292,-0.5274348,0.31735557,-0.40926576]	-1.1150823
cv_explicit	70	[0.6406372,3.9684448,-1.4358834,1.756387]	1.9529735
cv_explicit	71	[0.599372,0.055942815,-0.09615833,-0.9782802]	-0.43823713
cv_explicit	72	[0.038068388,-0.7185809,0.29332533,0.53315985]	-0.99630576
cv_explicit	73	[-0.45693985,0.88447064,-0.22190133,-1.9513339]	-0.36331668
cv_explicit	74	[0.36718675,0.009253922,-0.2138748,-0.6644603]	-0.69073975
cv_explicit	75	[-0.16871484,0.18140166,-0.16870226,0.24585378]	-1.0031112
cv_explicit	76	[-0.4751829,0.50912315,-0.27520958,-0.13147706]	-1.3577782
cv_explicit	77	[0.5149983,0.2858822,0.12500873,0.36418647]	-0.55620736
cv_explicit	78	[-0.24765803,-0.21147555,0.24497113,-0.23063833]	-1.1768124
cv_explicit	79	[-0.10959092,-0.11771218,-0.45453298,-0.9919464]	-1.400357
cv_explicit	80	[0.80797493,-0.16602886,-0.38955247,-0.08568062]	-1.0327243
cv_explicit	81	[-0.4580298,-0.39451006,0.14754266,-0.11791385]	-0.957301
cv_explicit	82	[0.04283724,-0.1898113,0.015183838,-0.59624577]	-1.6669847
cv_explicit	83	[-1.4819615,1.3995932,-0.5268495,-0.38760436]	-0.54855454
cv_explicit	84	[0.16227068,0.3299113,-0.5451887,0.80683994]	0.014318426
cv_explicit	85	[0.52575976,0.2353824,-0.55920285,-0.8998814]	-1.0362488
cv_explicit	86	[0.18788208,0.115510695,-0.22086857,-0.3346876]	-1.317507
cv_explicit	87	[-1.0174233,0.46814075,-0.24714904,-0.1265754]	-0.70547837
cv_explicit	88	[-0.40080297,0.26911286,-0.002992232,-0.3343768]	-0.8928585
cv_explicit	89	[0.3996828,-0.14167151,0.08806721,-0.46501875]	-1.6662639
cv_explicit	90	[0.6134615,-1.6190766,0.9925233,2.114966]	0.75084555
cv_explicit	91	[0.3910532,0.47469816,-0.8152494,-1.5742043]	-0.30479524
cv_explicit	92	[-0.6325674,-0.22462115,0.31460777,-1.0859814]	0.59851766
cv_explicit	93	[-0.8991474,-1.3642166,0.69469565,0.29468843]	0.13895684
cv_explicit	94	[-1.1191341,-1.0443846,0.013596095,1.3060981]	0.4489484
cv_explicit	95	[0.22907296,0.2272396,-0.23595817,0.39774084]	-1.2587688
cv_explicit	96	[-0.23178144,-0.14659293,0.8238397,0.020701805]	-1.1021994
cv_explicit	97	[-0.08602161,0.052725386,-0.2918389,-1.8357486]	0.70693797
cv_explicit	98	[-0.60341096,-0.14841618,-0.27657017,-0.7258291]	-1.2982472
cv_explicit	99	[-0.45677772,1.2117771,0.1735727,0.97761554]	-0.4405551
cv_explicit	100	[-0.24019457,-0.27720854,0.71355397,0.7907171]	0.16429248
cv_explicit	101	[-0.032008104,-0.54292995,0.4179525,-0.6353793]	-1.0074501
cv_explicit	102	[-0.051292572,-0.69675595,0.3100078,-0.11125615]	-0.17933059
cv_explicit	103	[0.07945535,-0.9311816,-1.4017092,0.50617343]	-0.27023533
cv_explicit	104	[1.0549645,-0.962098,-1.552615,1.6102015]	-0.04625305
cv_explicit	105	[-0.42948902,-0.06961866,0.5299997,0.03851821]	-0.90701026
cv_explicit	106	[0.27961805,-1.4035704,-0.22715026,1.6448724]	-0.88782716
cv_explicit	107	[0.042186428,0.24984631,-0.1702573,-0.6916524]	-1.0433015
cv_explicit	108	[-0.46050075,0.15586397,-0.38851607,0.17731264]	-0.9739749
cv_explicit	109	[0.64799637,0.86058766,-0.000918771,0.122470655]	-0.68847555
cv_explicit	110	[1.5526981,-0.3563115,-0.8991896,-0.44333747]	0.99724287
cv_explicit	111	[-0.24494071,-0.37173602,-0.36202794,-0.063779466]	-0.63007957
cv_explicit	112	[-0.107883595,0.01628615,-0.42573225,-0.21117397]	-1.5891072
cv_explicit	113	[1.8983216,0.043822303,-0.34661108,0.38747978]	-0.85529625
cv_explicit	114	[-0.3610802,-0.1331854,0.532935,-0.10238363]	-1.0041983
cv_explicit	115	[0.8598272,0.29525557,0.2525193,-0.15602846]	-0.94898164
cv_explicit	116	[1.2538141,0.3650775,2.7679837,0.34431097]	0.6718329
cv_explicit	117	[0.66979825,-0.1986973,0.20844285,-0.036876537]	-0.9359975
cv_explicit	118	[-0.7140513,-0.49355426,0.8720137,-0.52162707]	-0.7138786
cv_explicit	119	[0.20976065,-0.8598074,0.044589438,0.11464346]	-0.44815856
cv_explicit	120	[-0.69511557,-0.6887117,0.031671196,0.2858982]	-0.9668462
cv_explicit	121	[0.31644058,-0.10817059,-0.15327242,0.91052526]	-1.146644
cv_explicit	122	[0.33651555,-0.11755962,-0.2570191,-0.4879786]	-1.2878121
cv_explicit	123	[-0.37147886,0.85738325,0.10776455,0.07982785]	-1.1584004
cv_explicit	124	[1.6304471,0.6583548,1.3698581,-0.601093]	-0.61573124
cv_explicit	125	[-0.57687443,0.6122195,1.3030308,-0.38905793]	-0.41496736
cv_explicit	126	[-0.06080981,0.8183401,-0.6743739,-0.20648755]	-0.7535472
cv_explicit	127	[1.7288955,0.59001344,0.9331211,0.1587726]	-0.5649535
cv_explicit	128	[0.104462,-2.3632426,-4.512623,1.7393919]	2.6776738
cv_explicit	129	[0.9502945,-1.1487777,-3.3290164,0.8920359]	0.2343355
cv_explicit	130	[0.2330573,-0.87541723,-0.2720078,-0.1671698]	-1.0773715
cv_explicit	131	[0.7313715,-0.7020127,0.06537082,0.17697704]	-0.12319484
cv_explicit	132	[-0.3274844,-0.36441395,0.3782637,-0.8634994]	-0.47962245
cv_explicit	133	[0.09514121,-1.040847,0.45235187,0.67561173]	0.4622175
cv_explicit	134	[-1.7402922,-2.4835975,0.54415965,1.5064229]	0.6078071
cv_explicit	135	[0.90274197,-0.104311824,-0.12209646,-0.31427845]	-0.5368621
cv_explicit	136	[-0.8139055,-0.03215514,-0.6995393,-0.55761683]	0.91347533
cv_explicit	137	[0.47465277,-0.25765544,-0.53547525,0.010216621]	-0.43601474
cv_explicit	138	[0.314848,0.016798612,0.5882431,-0.052807122]	-1.0390658
cv_explicit	139	[-0.13812119,-0.123864986,0.69555146,-0.64706373]	-0.3518075
cv_explicit	140	[0.23846994,-3.0230918,3.9352677,0.790749]	0.26976255
cv_explicit	141	[-0.4820378,0.82697254,-0.41570666,-0.91643035]	-0.7768557
cv_explicit	142	[0.49952713,-0.25539923,-0.095312215,-0.3285807]	-1.0959692
cv_explicit	143	[0.26099864,-0.332471,0.17977183,-0.40942094]	-0.57882756
cv_explicit	144	[0.061258834,0.49833748,0.1050901,0.952379]	-1.2688117
cv_explicit	145	[-1.0474886,-0.7919381,0.19300248,-1.3140572]	0.9174651
cv_explicit	146	[0.28566825,2.6420488,0.5857701,0.7041274]	1.2669952
cv_explicit	147	[0.39977857,0.6725616,0.7773917,-1.3236287]	-0.08776371
cv_explicit	148	[0.4956195,-0.77115136,0.99336356,-0.055650115]	-0.86427623
cv_explicit	149	[-0.2594977,0.51886165,-0.010997918,-0.54675394]	-1.138152
cv_explicit	150	[-0.4011775,-0.90367484,0.6250664,0.87379956]	-0.0937177
cv_popular	1	[27]	\N
cv_popular	2	[23]	\N
cv_popular	3	[23]	\N
cv_popular	4	[69]	\N
cv_popular	5	[10]	\N
cv_popular	6	[9]	\N
cv_popular	7	[27]	\N
cv_popular	8	[12]	\N
cv_popular	9	[95]	\N
cv_popular	10	[24]	\N
cv_popular	11	[22]	\N
cv_popular	12	[11]	\N
cv_popular	13	[17]	\N
cv_popular	14	[23]	\N
cv_popular	15	[48]	\N
cv_popular	16	[16]	\N
cv_popular	17	[11]	\N
cv_popular	18	[11]	\N
cv_popular	19	[44]	\N
cv_popular	20	[48]	\N
cv_popular	21	[14]	\N
cv_popular	22	[13]	\N
cv_popular	23	[11]	\N
cv_popular	24	[22]	\N
cv_popular	25	[18]	\N
cv_popular	26	[11]	\N
cv_popular	27	[37]	\N
cv_popular	28	[15]	\N
cv_popular	29	[9]	\N
cv_popular	30	[11]	\N
cv_popular	31	[21]	\N
cv_popular	32	[17]	\N
cv_popular	33	[7]	\N
cv_popular	34	[49]	\N
cv_popular	35	[64]	\N
cv_popular	36	[70]	\N
cv_popular	37	[18]	\N
cv_popular	38	[14]	\N
cv_popular	39	[16]	\N
cv_popular	40	[8]	\N
cv_popular	41	[11]	\N
cv_popular	42	[10]	\N
cv_popular	43	[10]	\N
cv_popular	44	[19]	\N
cv_popular	45	[19]	\N
cv_popular	46	[14]	\N
cv_popular	47	[15]	\N
cv_popular	48	[33]	\N
cv_popular	49	[12]	\N
cv_popular	50	[13]	\N
cv_popular	51	[6]	\N
cv_popular	52	[11]	\N
cv_popular	53	[90]	\N
cv_popular	54	[59]	\N
cv_popular	55	[217]	\N
cv_popular	56	[19]	\N
cv_popular	57	[6]	\N
cv_popular	58	[9]	\N
cv_popular	59	[23]	\N
cv_popular	60	[18]	\N
cv_popular	61	[8]	\N
cv_popular	62	[12]	\N
cv_popular	63	[13]	\N
cv_popular	64	[20]	\N
cv_popular	65	[38]	\N
cv_popular	66	[14]	\N
cv_popular	67	[25]	\N
cv_popular	68	[1]	\N
cv_popular	69	[11]	\N
cv_popular	70	[27]	\N
cv_popular	71	[16]	\N
cv_popular	72	[6]	\N
cv_popular	73	[13]	\N
cv_popular	74	[18]	\N
cv_popular	75	[14]	\N
cv_popular	76	[8]	\N
cv_popular	77	[26]	\N
cv_popular	78	[14]	\N
cv_popular	79	[10]	\N
cv_popular	80	[16]	\N
cv_popular	81	[15]	\N
cv_popular	82	[12]	\N
cv_popular	83	[13]	\N
cv_popular	84	[5]	\N
cv_popular	85	[8]	\N
cv_popular	86	[21]	\N
cv_popular	87	[10]	\N
cv_popular	88	[10]	\N
cv_popular	89	[15]	\N
cv_popular	90	[55]	\N
cv_popular	91	[33]	\N
cv_popular	92	[4]	\N
cv_popular	93	[9]	\N
cv_popular	94	[7]	\N
cv_popular	95	[15]	\N
cv_popular	96	[10]	\N
cv_popular	97	[48]	\N
cv_popular	98	[4]	\N
cv_popular	99	[41]	\N
cv_popular	100	[9]	\N
cv_popular	101	[12]	\N
cv_popular	102	[15]	\N
cv_popular	103	[5]	\N
cv_popular	104	[23]	\N
cv_popular	105	[15]	\N
cv_popular	106	[6]	\N
cv_popular	107	[8]	\N
cv_popular	108	[18]	\N
cv_popular	109	[11]	\N
cv_popular	110	[13]	\N
cv_popular	111	[26]	\N
cv_popular	112	[12]	\N
cv_popular	113	[17]	\N
cv_popular	114	[15]	\N
cv_popular	115	[10]	\N
cv_popular	116	[22]	\N
cv_popular	117	[13]	\N
cv_popular	118	[10]	\N
cv_popular	119	[18]	\N
cv_popular	120	[11]	\N
cv_popular	121	[8]	\N
cv_popular	122	[9]	\N
cv_popular	123	[3]	\N
cv_popular	124	[15]	\N
cv_popular	125	[25]	\N
cv_popular	126	[34]	\N
cv_popular	127	[7]	\N
cv_popular	128	[12]	\N
cv_popular	129	[33]	\N
cv_popular	130	[12]	\N
cv_popular	131	[25]	\N
cv_popular	132	[15]	\N
cv_popular	133	[14]	\N
cv_popular	134	[85]	\N
cv_popular	135	[25]	\N
cv_popular	136	[16]	\N
cv_popular	137	[17]	\N
cv_popular	138	[22]	\N
cv_popular	139	[5]	\N
cv_popular	140	[20]	\N
cv_popular	141	[10]	\N
cv_popular	142	[23]	\N
cv_popular	143	[14]	\N
cv_popular	144	[6]	\N
cv_popular	145	[71]	\N
cv_popular	146	[13]	\N
cv_popular	147	[8]	\N
cv_popular	148	[16]	\N
cv_popular	149	[10]	\N
cv_popular	150	[9]	\N
\.


--
-- Data for Name: models; Type: TABLE DATA; Schema: recfair; Owner: -
--

COPY recfair.models (name, algorithm, hyperparameters, factors, users, items, interactions, source, user_table, user_key, item_table, item_key, training_seconds, loss, created_at, trained_at, version, owner) FROM stdin;
cv_als	als	{"seed": 42, "alpha": 1, "solver": "cg", "factors": 8, "cg_steps": 3, "item_col": "item_id", "user_col": "user_id", "rows_read": 6000, "confidence": "1+alpha*w", "iterations": 5, "weight_col": "weight", "read_seconds": 0.000, "rows_null_id": 0, "train_seconds": 0.002, "write_seconds": 0.003, "regularization": 1, "rows_null_weight": 0}	8	300	150	3145	cv_interactions	\N	\N	public.cv_items	item_id	0.005714418	{0.13212731824112356,0.0854918560948672,0.07845792383335497,0.07527462389873707,0.07368129157226558}	2026-11-30 06:39:37.469822+00	2026-11-30 06:39:37.469822+00	1	postgres
cv_explicit	als_explicit	{"seed": 42, "alpha": 1, "solver": "cg", "factors": 4, "cg_steps": 3, "item_col": "item_id", "user_col": "user_id", "rows_read": 6000, "confidence": "1+alpha*w", "iterations": 5, "weight_col": "weight", "global_mean": 3.13958665, "read_seconds": 0.000, "rows_null_id": 0, "train_seconds": 0.004, "write_seconds": 0.002, "regularization": 0.100000001, "rows_null_weight": 0}	4	300	150	3145	cv_interactions	\N	\N	\N	\N	0.005758013	{4.594310405181174,2.068644777416647,1.5349374754110228,1.4029776614270553,1.340530877460406}	2026-11-30 06:39:37.475921+00	2026-11-30 06:39:37.475921+00	2	postgres
cv_popular	popularity	{"seed": 42, "alpha": 1, "solver": "cg", "factors": 1, "cg_steps": 3, "item_col": "item_id", "user_col": "user_id", "rows_read": 6000, "confidence": "1+alpha*w", "iterations": 0, "weight_col": null, "read_seconds": 0.000, "rows_null_id": 0, "train_seconds": 0.000, "write_seconds": 0.002, "regularization": 0.00999999978, "rows_null_weight": 0}	1	300	150	3145	cv_interactions	\N	\N	\N	\N	0.002196845	{}	2026-11-30 06:39:37.481907+00	2026-11-30 06:39:37.481907+00	3	postgres
\.


--
-- Data for Name: user_factors; Type: TABLE DATA; Schema: recfair; Owner: -
--

COPY recfair.user_factors (model, user_id, factors, bias, seen) FROM stdin;
cv_als	1	[-0.08770141,-0.030142456,0.25197336,0.0032984384,0.09702164,-0.010380178,0.37487924,0.22617455]	\N	{7,22,53,83,99,114,118,119,125,134}
cv_als	2	[0.23513055,0.38367084,-0.058852736,0.5208733,0.5078334,0.11547143,0.2580611,0.41651335]	\N	{6,9,12,19,36,44,55,87,90,95,104,108,129,132,134,140,148}
cv_als	3	[0.119023584,-0.0545828,0.22484194,0.28258404,0.07600938,0.34613183,0.24567491,0.09563174]	\N	{11,27,47,54,55,65,73,144}
cv_als	4	[0.013195797,-0.22202624,-0.2467036,-0.0072095133,-0.056120083,0.2207644,0.058558896,0.3457444]	\N	{4,29,37,55,90,110,129,136,149}
cv_als	5	[0.18126449,-0.013684347,0.30832687,0.17378417,0.15999672,-0.036408573,0.32510093,0.17654857]	\N	{9,11,15,32,34,53,54,55,83,102,104,125}
cv_als	6	[0.6022408,0.8160059,0.44516027,0.5969755,0.52895296,0.60666007,0.51694316,0.31213608]	\N	{13,31,36,40,43,44,45,52,54,55,60,71,75,77,79,83,86,97,122,131,135,137,140,145,146}
cv_als	7	[0.053344082,0.123442195,0.12978406,0.0832053,0.2547601,-0.10066201,0.2864443,0.24862272]	\N	{13,25,35,53,95,114,124,125,126,146}
cv_als	8	[0.1612525,0.19398674,-0.03160959,0.065981865,-0.11843035,0.041755658,0.16558865,0.010416568]	\N	{20,31,36,39,55,86,145}
cv_als	9	[0.07524498,-0.012734139,-0.2241426,0.21847677,0.06498097,0.14263625,0.099173754,0.33236155]	\N	{9,19,20,23,55,77,90,95,129,134,148}
cv_als	10	[0.009091878,-0.0474645,-0.018280279,-0.009528103,-0.14281642,-0.026109932,0.0982723,0.027211023]	\N	{36,55,99}
cv_als	11	[0.17664345,0.19703873,-0.043761402,0.04701004,-0.08064326,0.047334895,0.19016209,0.19522296]	\N	{15,20,21,25,43,55,97,134,145}
cv_als	12	[0.16363928,0.31353155,0.08090449,0.15650731,-0.063902795,0.31529546,0.31493402,0.17809293]	\N	{3,14,20,36,39,53,55,75,92,131,135,145}
cv_als	13	[0.46084717,0.19889344,0.3293638,0.06586118,0.26216382,0.2136622,0.11572511,0.24841486]	\N	{4,5,20,35,48,67,70,73,94,142}
cv_als	14	[-0.09124839,0.045008384,0.08479707,0.17752676,-0.060180817,0.15640411,-0.04305349,0.15331246]	\N	{38,74,124}
cv_als	15	[0.33797607,0.073698275,0.22276534,-0.017169982,0.09558423,0.058324363,0.009335126,0.16287293]	\N	{4,18,35,48,63,70}
cv_als	16	[0.22895569,-0.06930093,0.025451174,0.22571085,0.18005423,0.062189266,0.32203788,-0.049665518]	\N	{16,39,53,54,55,65,66,72,91,134,140}
cv_als	17	[0.2524029,0.5405551,0.10329784,0.16490492,0.105958134,0.26033887,0.2351528,0.16891871]	\N	{14,15,24,31,36,77,85,89,97,135,145}
cv_als	18	[-0.11155007,0.044433866,0.36414066,0.051549304,0.122339286,0.09768336,0.3478262,0.19306353]	\N	{7,10,34,47,50,53,64,78,99,102}
cv_als	19	[0.09682088,0.40512046,0.038454685,0.1149486,0.07465325,0.14171553,0.26260903,0.1677636]	\N	{14,24,36,37,64,77,89,97,145}
cv_als	20	[0.3844596,0.056001555,0.26791915,0.1861746,0.0645887,0.04584059,0.016047075,0.28911632]	\N	{4,9,15,18,23,35,41,48,55,59,69,70}
cv_als	21	[-0.061044116,-0.1326769,-0.14114587,0.21200535,0.05475998,0.26884517,0.17070045,0.47068202]	\N	{1,9,19,27,29,33,53,55,90,110,129,134,136,148,149}
cv_als	22	[0.2775461,-0.047226917,0.13002506,0.0021191898,-0.05918815,-0.04959211,-0.020800028,0.12016111]	\N	{4,15,48,55,60}
cv_als	23	[-0.015450133,-0.12166186,-0.10392993,0.10061938,-0.12211179,0.12212316,0.100126036,0.25668806]	\N	{2,19,20,53,55,84,110,134,136}
cv_als	24	[0.3935411,0.04506231,0.32212493,0.08940646,0.15165637,0.15674247,0.069053486,0.11601222]	\N	{15,35,40,48,54,61,138,147}
cv_als	25	[0.30654085,-0.06401986,0.14590012,-0.016290803,-0.046141025,-0.0066511417,-0.011398661,0.1594902]	\N	{4,15,35,48,55,109,138}
cv_als	26	[-0.028073777,-0.055166554,-0.15075983,0.11683854,0.04364974,0.3280479,0.14348496,0.4613172]	\N	{19,23,29,50,55,88,90,97,110,134,136}
cv_als	27	[0.37492833,0.06329847,0.19119301,0.02881393,-0.06614562,0.021026934,0.028869366,0.16793256]	\N	{4,15,35,36,52,55,59,60}
cv_als	28	[0.37523618,-0.06423416,0.3540546,0.12744552,0.04130244,0.35476482,0.13283631,0.32828188]	\N	{4,8,9,15,32,35,48,55,59,62,91,136,138,149}
cv_als	29	[0.30999953,0.54544455,0.10246999,0.38897938,0.2554054,0.5381742,0.42092556,0.31442392]	\N	{1,14,20,36,55,66,77,86,89,97,100,101,107,121,122,131,132,135,140,145,146}
cv_als	30	[0.05113657,-0.064211,-0.22152519,0.13393822,0.12726524,0.08364512,0.104649425,0.2730745]	\N	{19,37,55,90,132,134}
cv_als	31	[0.07719692,0.1761776,0.25648096,0.48780623,0.053842317,0.024168126,-0.03326658,0.07507541]	\N	{2,9,93,111,116,117}
cv_als	32	[0.23713428,-0.0034355887,-0.11750773,0.1884555,0.22826011,0.20076966,0.11625882,0.36195573]	\N	{16,19,23,55,67,77,90,106,109,121,129,134,149}
cv_als	33	[0.12150789,0.23145093,0.18228891,0.531609,0.08309118,0.01088864,0.037480656,0.2279441]	\N	{2,9,36,55,69,81,111,116,134}
cv_als	34	[0.20197527,0.40124148,0.13725086,0.16829786,0.16986725,0.11223552,0.41007856,0.088989764]	\N	{11,14,24,25,31,36,39,53,75,97,113,127}
cv_als	35	[0.31702042,0.029953467,0.23610474,0.023184692,0.08551623,0.1725243,-0.0010116328,0.2866849]	\N	{15,19,29,35,59,60,63,138,143}
cv_als	36	[0.025177227,0.07228599,0.20340191,0.3699723,-0.11314895,-0.06294291,-0.006281442,0.09453421]	\N	{2,9,55,81,93,116,119}
cv_als	37	[0.07673477,0.18279144,-0.10778258,0.26562256,0.25851992,0.4689856,0.3104259,0.5831354]	\N	{1,6,19,20,27,37,53,55,90,97,104,110,127,129,132,134,136,148}
cv_als	38	[0.055363014,0.008478395,-0.23793706,0.14287603,0.3024636,-0.10538707,0.1306012,0.22206064]	\N	{6,13,37,44,53,90,104,129,134}
cv_als	39	[-0.021663336,0.0314511,-0.11507647,0.08541161,0.27125424,-0.096027724,0.16712755,0.23287877]	\N	{1,34,104,129,134}
cv_als	40	[0.10803579,0.043058813,-0.18632406,0.12836757,0.18258631,0.10835005,0.087685935,0.31306478]	\N	{1,3,4,33,90,96,132,134,148}
cv_als	41	[0.2684073,0.53920317,0.555849,0.7854839,0.29384997,0.5089515,0.18803333,0.55378616]	\N	{4,9,10,13,19,27,29,55,56,66,71,74,86,93,97,108,111,112,120,125,126}
cv_als	42	[0.30035734,0.16811725,0.11676268,0.03718792,-0.093994156,0.10162847,0.11307367,0.19418097]	\N	{4,15,55,77,97,121,138,145}
cv_als	43	[0.052318674,-0.018210908,0.04443574,0.22186998,-0.116221055,0.02672621,0.08253537,0.044538375]	\N	{9,36,38,55,91,108,114}
cv_als	44	[0.04565303,-0.016869621,-0.112292536,0.1784566,0.23481065,0.14165924,0.19114771,0.41279504]	\N	{1,19,46,53,55,76,82,90,95,134,148}
cv_als	45	[0.42031118,1.0301048,1.1572065,0.9873747,1.0577887,1.2224385,0.9770337,1.1284195]	\N	{1,4,7,9,19,22,25,31,32,34,36,40,43,44,45,47,50,53,55,56,64,65,76,78,94,97,99,102,105,111,125,126,133,134,136,145}
cv_als	46	[-0.03968546,-0.14800283,0.20163485,-0.025074087,-0.13997117,-0.11170329,0.2155693,0.1198081]	\N	{7,9,22,34,53,55,59,99}
cv_als	47	[0.14841618,-0.14314179,0.036446422,0.118251674,-0.004993265,0.08116368,0.13260296,-0.09665075]	\N	{11,54,55,113}
cv_als	48	[0.017585514,0.18357562,0.14313135,0.494162,-0.020577764,0.27398974,0.016427904,0.35356894]	\N	{9,23,27,38,55,69,74,77,81,92,120,124,134}
cv_als	49	[0.29673684,0.05766647,0.26047283,0.12329041,0.06622232,0.09157498,0.0041430932,0.18557848]	\N	{4,9,35,61,79,138}
cv_als	50	[0.33384526,-0.025456665,0.16335024,0.018628916,0.016692473,-0.012034872,0.015683027,0.15648998]	\N	{4,35,41,55,67,70,138}
cv_als	51	[0.14836994,-0.1400349,0.07424452,0.15319823,-0.004136562,0.17597082,0.15456067,-0.06310582]	\N	{42,54,55,65,91}
cv_als	52	[0.4815931,0.24209432,0.2684953,0.13340771,0.2572802,0.292681,0.17230248,0.3931707]	\N	{4,18,20,35,46,55,67,70,86,90,94,122}
cv_als	53	[-0.06795693,-0.09288644,0.06757401,0.082628615,0.035826784,0.027941367,0.22013016,0.21216714]	\N	{7,9,53,57,95,99,102,134}
cv_als	54	[0.0061002956,-0.10624089,0.07451167,-0.015911309,-0.07471915,0.17478971,0.33351073,0.14716516]	\N	{7,22,53,55,57,91,99,101,145,148}
cv_als	55	[0.21799229,0.38426113,0.018132702,0.25179434,0.15132174,-0.1021945,0.1940607,-0.009606279]	\N	{9,31,85,140,145,146}
cv_als	56	[0.19353104,0.43711814,-0.104635194,0.23827821,0.099368446,0.024109693,0.31764275,0.20559753]	\N	{3,21,24,36,53,55,77,82,85,89,97,126,130,134,140,145}
cv_als	57	[0.013889906,0.15461308,0.2711812,0.44018278,-0.053667504,0.14298072,0.031292934,0.2070681]	\N	{2,9,27,55,56,64,71,111}
cv_als	58	[0.1569236,-0.033507615,-0.02614885,0.20112145,0.21528675,0.12641466,0.16916777,0.3763889]	\N	{4,10,19,33,53,71,90,121,134,148}
cv_als	59	[0.043203376,0.17536101,-0.059371255,0.2689701,0.14211926,0.19173813,0.26590592,0.36792862]	\N	{1,9,14,55,82,97,106,119,132,134,135}
cv_als	60	[0.28070137,0.58563834,0.09844828,0.31099313,0.41057304,0.08863349,0.46385267,0.25573224]	\N	{20,31,36,49,81,89,90,97,119,126,127,131,133,134,140,145,146}
cv_als	61	[0.16531695,0.25785738,-0.021315636,0.17136735,-0.09339558,0.18221101,0.1534424,0.16083875]	\N	{3,20,27,36,59,80,134,135,145}
cv_als	62	[0.33098954,0.00924414,0.21638456,0.039648794,0.024579272,0.27426273,0.13594113,0.22766477]	\N	{4,15,31,55,62,63,65,128}
cv_als	63	[0.23862967,0.28996974,-0.020409696,0.2229583,-0.021304836,0.33118922,0.27712888,0.12549886]	\N	{14,20,36,55,86,91,131,134,135,140,145}
cv_als	64	[0.106017046,0.18863264,0.35738686,0.09178124,0.13001633,0.051022094,0.40475455,0.262078]	\N	{15,25,32,34,36,40,53,55,64,68,86,105,125,144}
cv_als	65	[0.32639924,0.042070936,0.21796367,-0.004978303,0.10735382,0.0369192,0.011608135,0.18365471]	\N	{4,15,35,41,67,115}
cv_als	66	[0.06285348,0.09568686,-0.018870156,0.053951085,-0.20691745,0.3211592,0.22612175,0.16808489]	\N	{3,20,36,53,55,80,86,110,131,135}
cv_als	67	[-0.037113503,0.12551706,0.15642834,0.16734327,0.26358593,-0.073755324,0.28277886,0.31379494]	\N	{25,34,53,105,118,126,134,141}
cv_als	68	[0.17702639,0.3316735,0.05087208,0.18850128,-0.099572204,0.17290649,0.19858174,0.14934583]	\N	{20,36,45,55,81,97,100,130,145}
cv_als	69	[0.20790012,-0.074931756,0.21524309,0.2554708,0.08821582,0.21812053,0.17338441,0.028382706]	\N	{4,5,9,10,50,54,65}
cv_als	70	[0.14350873,0.3608293,0.10684794,0.123584434,-0.04125234,0.30724597,0.2943963,0.214603]	\N	{3,14,20,24,36,45,55,75,97,99}
cv_als	71	[0.06319342,-0.10445981,-0.2324516,0.078674525,0.04211989,-0.1443632,0.034960277,0.090522274]	\N	{55,104,129,134}
cv_als	72	[0.39196524,0.09828423,0.4872849,0.48684514,0.42386547,0.2701423,0.40442815,0.11011858]	\N	{9,10,11,16,30,40,42,49,53,54,55,65,66,67,91,105,111,122,142}
cv_als	73	[-0.04762412,-0.046710175,0.30172682,0.054260854,0.06561938,0.28669688,0.29120538,0.13880749]	\N	{11,40,50,53}
cv_als	74	[-0.04020407,0.01562449,0.17529784,0.32127514,-0.08155405,0.07573297,0.02789565,0.22989322]	\N	{2,17,19,50,55,81,116}
cv_als	75	[0.33433536,0.11551359,0.29613128,0.5374731,0.35921794,0.29854804,0.24873722,0.0136102615]	\N	{5,10,11,28,54,55,58,65,108,113,117,123,142,144}
cv_als	76	[0.3901747,0.3978594,0.4987518,0.6842056,0.21392578,0.3467531,0.041411314,0.4209304]	\N	{2,4,9,15,27,36,42,55,58,67,71,74,81,93,108,111,112,120,134}
cv_als	77	[0.031476866,0.056677435,0.28741318,0.47156203,-0.040020548,0.25056213,0.07685236,0.15282883]	\N	{2,9,11,27,47,55,65,71,74,141}
cv_als	78	[0.07471814,-0.039094854,-0.19944946,0.13313325,0.12688972,0.12168171,0.11292216,0.25162688]	\N	{14,19,55,90,132,134,147,148}
cv_als	79	[0.3072324,0.07545543,0.25424707,-0.045937046,0.05826437,-0.044886477,0.12961277,0.24434425]	\N	{4,15,34,35,48,53,59,70,143,145}
cv_als	80	[0.120879404,0.5590776,0.6106713,0.81658244,0.2787222,0.4420816,0.32617638,0.47324204]	\N	{2,9,27,36,38,53,55,56,61,64,74,91,97,111,112,116,121,134,141,142}
cv_als	81	[0.07717511,0.16547033,0.1692869,0.4194678,-0.002488214,0.09720944,0.056338947,0.16641912]	\N	{9,31,55,56,108}
cv_als	82	[0.34591487,0.06883631,0.18316352,0.12997712,0.011943185,0.058579125,0.06886949,0.2646759]	\N	{4,9,15,35,52,55,60,103,134,143,145}
cv_als	83	[0.0422307,-0.0076082065,0.28291458,0.13487265,0.15290964,0.0022448518,0.37637606,0.11330958]	\N	{10,22,34,53,54,55,78,114,126,133}
cv_als	84	[-0.025963223,0.032041535,0.16724837,0.28749707,0.020101935,-0.116891995,0.14073841,0.1697956]	\N	{2,9,47,53,55,87}
cv_als	85	[0.20551036,0.27963248,0.011497153,0.14183731,-0.13511683,0.13661915,0.15735297,0.19269195]	\N	{4,9,14,21,24,55,77,96,97,145}
cv_als	86	[-0.065018505,0.014155167,0.1921837,0.022034237,-0.046658453,0.06823196,0.2833585,0.19496292]	\N	{34,47,50,53,55,145}
cv_als	87	[-0.10766208,0.010898398,0.2602974,-0.045563105,0.07560113,-0.00437978,0.31082672,0.16271289]	\N	{25,32,34,53,78,99,119,125}
cv_als	88	[-0.01737484,0.19272958,0.2536824,0.47784647,-0.04431265,0.20957588,-0.03711994,0.20314446]	\N	{2,9,27,39,71,74,108,111,124}
cv_als	89	[-0.052562904,-0.01913468,-0.12616554,0.12225774,0.030887097,0.26647773,0.023035495,0.3036623]	\N	{13,19,21,27,28,29,110,136}
cv_als	90	[0.12915751,0.21791835,-0.021106215,0.1786581,-0.14723848,0.22565897,0.16361621,0.12310888]	\N	{20,21,27,36,55,77,108,135,137,145}
cv_als	91	[0.09238606,0.2679173,0.19796349,0.5562474,-0.0055324757,0.1335212,0.02571992,0.22116274]	\N	{9,27,55,74,108,111,112,120,134,145}
cv_als	92	[-0.028669266,-0.10642656,0.15253697,0.0025118385,-0.016130013,-0.07879403,0.23716703,0.047169928]	\N	{7,34,55,125,142}
cv_als	93	[0.25431284,0.28933185,0.016324246,0.06933435,-0.053706616,0.08909339,0.24438734,0.038582332]	\N	{20,36,39,55,63,75,107,126,131,140,145}
cv_als	94	[0.002220774,0.09672611,0.18213834,0.059281405,0.03023548,-0.079033606,0.32084006,0.13892895]	\N	{32,34,36,47,53,55,114,125,133}
cv_als	95	[0.021844434,0.07284457,0.12692267,0.4370314,0.092170745,0.34965134,0.043232594,0.49269778]	\N	{9,38,46,55,56,90,124,128,129,142}
cv_als	96	[0.04626543,0.072393924,-0.103743866,0.04778813,0.14093493,-0.031212939,0.1419062,0.16406116]	\N	{83,88,90,126,145}
cv_als	97	[0.14515078,0.020577103,-0.0682591,0.30881485,0.21104376,-0.06971262,0.11951004,0.25150645]	\N	{6,9,19,26,44,55,59,72,90,120,126,134}
cv_als	98	[0.18529513,0.39117163,-0.0831759,0.18157476,0.11558459,0.1130517,0.2200436,0.12124049]	\N	{13,24,36,77,85,89,134,137,145}
cv_als	99	[0.34306598,0.44069704,0.106746756,0.33388224,0.48912433,-0.026920559,0.5044536,0.18170822]	\N	{1,31,32,36,44,46,49,53,55,64,66,97,104,113,140,145,146}
cv_als	100	[0.22631349,0.0014170713,0.13165687,0.2046822,0.04230971,0.2809029,0.22381134,-0.07299943]	\N	{30,54,55,58,85,86,91,150}
cv_als	101	[0.017330937,0.04566642,-0.22205558,0.12046287,0.21388867,0.26335818,0.10645972,0.3939625]	\N	{1,13,20,23,90,134,136,148}
cv_als	102	[0.34465298,0.013265535,0.28448206,0.039390724,0.053443294,0.07125513,0.086589605,0.2578252]	\N	{4,15,29,35,48,53,55,59,61,122,138}
cv_als	103	[0.18271099,0.4496728,0.38917717,0.7009228,0.21107611,0.36036456,0.2851892,0.28641012]	\N	{9,10,27,37,45,53,55,56,71,74,86,93,108,111,120,134,140,145}
cv_als	104	[0.15437973,0.1990928,-0.012771075,0.095541164,-0.09012149,0.062694766,0.18541001,0.08341498]	\N	{24,39,55,97,137,145}
cv_als	105	[-0.043807186,-0.007997201,0.08823649,0.36050466,-0.17110467,0.2864384,-0.021369515,0.2604986]	\N	{9,27,38,55,93,108,109,110}
cv_als	106	[0.38501123,0.045144487,0.2974495,0.34528464,0.3298444,0.269991,0.18910278,-0.07224443]	\N	{10,11,48,54,65,91,107,117,142,144}
cv_als	107	[0.17337346,0.3459344,0.18795733,0.17266446,-0.10471503,0.41987115,0.34810114,0.29899418]	\N	{4,9,14,20,21,31,36,55,80,86,97,99,101,110,131,135,139,145}
cv_als	108	[0.24854064,-0.007941587,0.28786623,0.109848596,-0.032203656,-0.06833399,0.13960819,0.22836782]	\N	{9,15,34,35,45,55,57,59,60,83}
cv_als	109	[0.10214563,0.24137151,0.0410614,0.04835864,-0.070038386,0.14635463,0.29348654,0.20168115]	\N	{14,20,53,55,96,97,126,145}
cv_als	110	[-0.030467262,0.14342856,0.28715825,0.08565629,0.07612742,0.012606283,0.33942458,0.31507036]	\N	{25,34,53,55,64,97,99,105,143}
cv_als	111	[0.14521173,0.21261622,-0.014119014,0.28939858,0.38183713,0.18340746,0.32082373,0.5074679]	\N	{1,9,19,28,34,46,55,90,97,104,126,129,132,134,137}
cv_als	112	[0.04117681,-0.097501464,-0.10204555,0.047243625,-0.05775709,-0.08649621,0.03019871,0.03091063]	\N	{55,84,134}
cv_als	113	[-0.0041598384,0.07259184,0.1671541,0.3820096,-0.10339795,0.10903794,-0.01467601,0.1883993]	\N	{2,9,38,55,56}
cv_als	114	[0.1001188,0.11122973,0.18574102,0.3392487,-0.06797884,-0.019814657,0.060997568,0.19092482]	\N	{2,9,27,36,53,55,67,116,143}
cv_als	115	[0.14071958,0.3526789,0.41029307,0.8012138,0.19630168,0.7325262,0.17042163,0.46277595]	\N	{9,11,17,27,38,54,55,56,71,74,80,81,90,92,93,111,112,124,134,135,141}
cv_als	116	[0.362736,0.11803776,0.2064071,-0.04827503,-0.0058880504,0.18375963,0.04259562,0.22377153]	\N	{4,15,20,35,48,62,94}
cv_als	117	[-0.09816059,0.13391541,0.35900414,0.07682355,0.076948814,0.17175011,0.39797214,0.3468576]	\N	{47,50,53,55,97,99,102,125,126}
cv_als	118	[0.2753154,-0.028573247,0.20563127,0.4158282,0.21487053,0.23386496,0.23127933,-0.040200125]	\N	{9,10,49,54,55,65,91,95,107,112,142,147}
cv_als	119	[0.61476624,0.6980211,0.5606573,0.7762117,1.0134385,0.5509172,0.5378507,0.86999613]	\N	{1,3,5,6,9,12,15,19,23,28,35,44,48,51,53,55,56,67,69,76,79,87,88,90,97,101,104,114,117,126,127,129,134,140,142,148}
cv_als	120	[0.32725602,-0.005391199,0.19840357,0.002496156,0.045264926,-0.04666373,0.05942004,0.16616893]	\N	{4,15,35,48,55,70,73,133}
cv_als	121	[0.44633794,0.044650555,0.24051966,0.2857542,0.27476665,0.26572758,0.36975026,-0.0909913]	\N	{10,11,16,26,30,35,49,54,55,58,65,80,84,91,100,123,145,147,150}
cv_als	122	[0.14131735,0.017373538,0.21226968,0.54604584,0.18255877,0.53381646,0.21652317,0.18714246]	\N	{1,10,11,17,26,27,42,54,55,56,65,91,95,121}
cv_als	123	[0.053212844,-0.0010511844,0.16582087,0.34771517,-0.08211226,0.20584783,0.02943419,0.17773992]	\N	{9,38,41,54,55,74,81,124}
cv_als	124	[0.24690056,0.06868293,0.18616928,-0.01159648,0.2210975,0.07308767,0.116681896,0.33936572]	\N	{1,4,15,19,25,35,46,70,73}
cv_als	125	[0.31420818,0.024809763,0.14001709,0.046140626,0.12908673,-0.007784404,0.10390112,0.17360559]	\N	{4,8,18,49,55,70,104,114}
cv_als	126	[0.08537474,0.04549914,-0.2086297,0.19971482,0.28713322,0.23974864,0.15174784,0.41346934]	\N	{6,13,19,23,28,55,73,90,104,129,132,135,136}
cv_als	127	[0.19084522,0.09017935,0.31407675,0.49978206,0.033846203,0.27732447,0.081030555,0.14102347]	\N	{9,27,35,39,55,65,74,108,111,112}
cv_als	128	[0.14438067,-0.15326346,0.09249318,0.15942411,0.09212571,0.22339545,0.26814878,-0.015525007]	\N	{16,37,49,54,55,65,66,84,91,99}
cv_als	129	[-0.036240973,-0.032123197,0.2660877,0.027419051,0.014475004,0.016513862,0.3506253,0.1824304]	\N	{7,34,53,55,99,101,126,142}
cv_als	130	[0.41116077,0.47897965,0.034131043,0.31789562,0.22999133,0.16460723,0.33967146,0.14128888]	\N	{5,10,14,20,24,27,31,36,43,48,55,83,86,90,96,137,140,146}
cv_als	131	[0.24534056,-0.10491428,0.11290693,0.206089,0.15059416,0.14908442,0.23108056,-0.08297794]	\N	{5,11,16,54,55,65,113}
cv_als	132	[0.26370922,-0.05516466,0.043662347,0.20515725,0.1594543,0.043727767,0.13259816,0.05151911]	\N	{41,54,55,113,134}
cv_als	133	[0.07027753,0.18543677,0.23108914,0.4266392,-0.053470116,0.025403257,0.06127223,0.13083304]	\N	{2,9,33,55,111,116,133,135}
cv_als	134	[0.13437377,0.21277855,0.30358902,0.5656701,0.049678594,0.1498595,-0.013934116,0.286698]	\N	{2,9,17,27,35,55,69,74,111,112,120,134}
cv_als	135	[0.31972796,-0.02734434,0.03268122,0.0011343493,0.16289398,-0.013065615,0.01327573,0.25615793]	\N	{4,15,35,73,90,129,138}
cv_als	136	[0.080445774,0.09094963,-0.14409637,0.1442829,0.29317066,0.22114757,0.12017515,0.35146055]	\N	{28,37,45,67,89,90,132,134,136}
cv_als	137	[0.2811105,-0.10037328,0.060392782,0.29576495,0.18144706,0.09898253,0.18815972,0.002082125]	\N	{9,10,26,49,54,55,67,113,134,149}
cv_als	138	[0.5368388,0.2748376,0.22277325,0.38702717,0.4563113,0.23476493,0.37371823,0.05008008]	\N	{3,4,10,11,16,26,33,44,54,58,59,97,104,113,145}
cv_als	139	[-0.06234376,-0.14904433,-0.12831107,0.1023198,0.021415778,0.23469478,0.16910204,0.39221624]	\N	{1,9,29,53,55,90,110,129,136}
cv_als	140	[0.015774086,-0.11857737,0.18640463,0.023656413,0.00525017,-0.012482699,0.29873696,0.056935843]	\N	{7,22,53,55,78,113,119}
cv_als	141	[-0.0648307,0.20198424,0.3645236,0.03981353,0.21401359,0.07469917,0.40493193,0.2602528]	\N	{5,34,50,53,64,102,105,125,126,145}
cv_als	142	[0.5118932,0.5475757,0.2389819,0.48573434,0.18415941,0.5336236,0.36672613,0.33971688]	\N	{4,9,20,31,35,36,39,54,56,63,75,77,80,86,96,125,129,130,131,135,139,145,146}
cv_als	143	[0.3097117,-0.021181472,0.10724066,0.33586395,0.21719904,0.27627403,0.27888104,0.021347886]	\N	{9,11,30,42,49,54,55,61,65,73,91,117,134,137}
cv_als	144	[0.21803378,0.0043716347,-0.1535403,0.17384775,0.26801562,-0.13238648,0.087486245,0.23963684]	\N	{4,44,55,60,87,104,106,129,134}
cv_als	145	[0.3160059,-0.03163559,0.24858338,0.2209156,0.09919205,0.10970833,0.305999,0.030904893]	\N	{11,35,53,54,55,65,66,81,97,113}
cv_als	146	[0.09413935,0.31908524,0.37165803,0.70116293,0.15644206,0.45395568,0.07477093,0.4461976]	\N	{9,12,17,27,55,56,69,71,74,76,98,108,112,141}
cv_als	147	[0.15839276,-0.024218554,-0.18247898,0.24418548,0.29576823,0.03941508,0.1159307,0.110654496]	\N	{6,12,13,42,54,104,129,134}
cv_als	148	[0.04150163,-0.06933341,-0.2331451,0.15079226,0.087203234,-0.0313555,0.0412791,0.21424766]	\N	{23,55,82,90,112,121,129,134}
cv_als	149	[0.11826023,0.14840138,0.103845015,0.48474982,0.0951675,-0.0791559,0.012602977,0.1844779]	\N	{2,9,13,55,58,111,116,134}
cv_als	150	[0.6193992,0.35239756,0.7227818,0.5840967,0.4274251,0.74659336,0.1860279,0.62346995]	\N	{4,8,9,10,15,19,27,35,46,48,52,54,55,59,60,67,70,79,103,109,115,128,138}
cv_als	151	[0.504451,0.15674092,0.3456959,0.08775637,0.08682781,0.1541372,0.13530712,0.15572037]	\N	{4,15,35,48,52,55,63,70,79,83,113,115,122,131}
cv_als	152	[0.19617037,-0.121898435,0.09054477,0.27430895,0.059144698,0.08524813,0.16558875,-0.08564751]	\N	{9,42,54,55,65,107,113,147}
cv_als	153	[0.103917226,0.088912345,-0.12568152,0.29059696,0.25995907,0.080594935,0.18975201,0.34779486]	\N	{19,24,44,55,82,90,95,99,104,116,117,129,134,139,149}
cv_als	154	[0.6578966,0.62912655,0.75379896,0.6063178,0.68825537,0.48538038,0.4944629,0.7569042]	\N	{4,8,9,18,35,36,46,53,55,63,67,70,73,79,81,84,90,94,99,101,111,115,122,126,129,134,138,143,150}
cv_als	155	[0.37803456,0.076974176,0.18341659,0.0034998616,0.07871537,0.01683757,0.18860674,0.20308481]	\N	{4,35,46,53,55,70,73,122,137,145}
cv_als	156	[0.03914593,0.050887182,0.09424053,0.32898995,-0.09836412,-0.14086555,-0.03979566,0.07959949]	\N	{2,9,55,69,116}
cv_als	157	[0.053177703,0.26352638,0.29238752,0.09153361,0.15632166,0.02206752,0.44037327,0.25558615]	\N	{22,25,32,34,36,43,53,55,99,105,125,126}
cv_als	158	[1.3863926,2.1338825,2.0537748,1.8879684,2.0030828,2.2900863,1.3610361,1.8198245]	\N	{1,4,8,9,10,14,15,16,18,19,20,24,31,32,35,39,41,45,46,47,48,49,51,52,53,54,55,56,58,61,62,63,67,69,70,71,72,73,79,89,90,91,94,97,102,103,104,106,113,115,117,118,122,124,127,128,132,133,134,135,138,142,143,145}
cv_als	159	[0.37156525,0.018863576,0.18044935,0.04615171,-0.02215044,0.17457658,0.106656834,0.12645121]	\N	{4,11,20,41,55,70,79,138}
cv_als	160	[0.22519141,-0.016307374,-0.09966664,0.19801517,0.19845493,-0.06507647,0.074850194,0.20674446]	\N	{6,16,35,43,52,55,90,111,129,134}
cv_als	161	[0.26954037,0.41547042,0.049362756,0.26525205,0.09297504,0.17788056,0.30341393,0.10286154]	\N	{24,36,54,55,89,97,130,145,146}
cv_als	162	[0.17908354,-0.18093705,0.031072022,0.14139555,0.016856978,0.106427275,0.15869144,-0.16044347]	\N	{11,30,54,55,66,91}
cv_als	163	[0.05284601,0.07731697,0.13318603,0.30984366,-0.14118983,-0.05703912,0.0069633704,0.059375927]	\N	{2,9,55,56,101,116,131}
cv_als	164	[0.2530851,-0.07139846,0.112321705,0.18158387,0.084192306,0.24580018,0.20697635,-0.044686973]	\N	{16,24,26,54,55,65,91,138,150}
cv_als	165	[0.30717453,-0.0774389,0.15014596,0.26159984,0.27048826,0.31134257,0.20740046,0.113016576]	\N	{9,15,16,30,54,60,65,72,90,91}
cv_als	166	[0.08927497,0.062273446,0.19727354,0.27549875,-0.08622431,0.04109746,-0.027352788,0.1700355]	\N	{55,111,116,128,141}
cv_als	167	[0.32446498,-0.061450895,0.1646073,-0.0263244,-0.051428437,-0.054182757,-0.033904713,0.13367166]	\N	{15,35,48,55,59,60,67,138}
cv_als	168	[0.10478939,0.075669914,0.17775041,0.3346742,-0.09758086,0.09256702,-0.05954095,0.28291595]	\N	{9,38,48,55,82,96,116,124}
cv_als	169	[0.25442412,-0.075034164,-0.15622936,0.19701411,0.23005606,0.14715663,0.16319266,0.15618843]	\N	{3,12,26,37,54,55,70,90,109,117,129}
cv_als	170	[0.20339982,-0.030224476,0.20387211,0.40837577,0.11331368,0.23941986,0.16887863,-0.026424842]	\N	{9,54,55,65,74,91,107,113,117,142}
cv_als	171	[0.21688385,-0.11282159,0.0517615,-0.036709033,-0.104928814,-0.10784218,-0.018018767,0.076774836]	\N	{4,35,55}
cv_als	172	[-0.05514971,-0.0026489943,0.32867625,0.08515703,0.10042236,0.1019974,0.32069686,0.16174366]	\N	{7,9,16,99,114,118,119,133}
cv_als	173	[0.30244416,0.09601129,0.15785237,0.36554486,0.17695245,0.17421721,0.31115255,-0.11551249]	\N	{10,11,30,36,54,55,65,66,117,130,142,144}
cv_als	174	[0.012406991,-0.062732644,0.012680785,0.14308469,-0.10667976,-0.10234732,0.056202628,0.06386811]	\N	{9,55,64}
cv_als	175	[0.31851628,-0.078273185,0.10947414,-0.03526051,-0.022392694,-0.085081086,-0.0050331205,0.15837294]	\N	{4,15,35,55,67,70}
cv_als	176	[0.418023,0.41379833,0.09052017,0.20825113,0.1647178,-0.08084342,0.23972361,0.041508358]	\N	{10,15,24,31,35,55,97,130,140,145,146}
cv_als	177	[0.23880365,0.31032315,-0.049154036,0.20372567,0.014537444,0.3542979,0.29567403,0.1916647]	\N	{3,20,31,36,55,77,80,86,97,131,134,137,139,145,149}
cv_als	178	[0.016984576,-0.02614814,-0.20680594,0.17874874,0.17005421,0.087843366,0.030894505,0.27915356]	\N	{19,27,28,90,129,134}
cv_als	179	[-0.13420467,0.0073340815,0.14533322,0.29722822,-0.13551073,0.27024397,0.034903005,0.33348626]	\N	{9,38,55,99,124}
cv_als	180	[0.122717924,0.2722139,0.05516444,0.13840395,-0.0668994,0.09224813,0.23158115,0.09939183]	\N	{3,9,20,34,36,39,145}
cv_als	181	[0.44616756,0.12455193,0.1616086,0.17029206,0.22931573,0.12553619,0.09554518,0.38680267]	\N	{13,15,24,35,37,48,55,59,60,61,70,115,134,138,148}
cv_als	182	[0.36557406,0.17021315,0.32333523,0.033524215,0.08657397,0.22268566,0.039086364,0.26837265]	\N	{4,15,35,45,52,59,77,138,143}
cv_als	183	[0.19687764,-0.12293273,0.1925338,0.12136164,0.047912017,0.22071037,0.31542885,0.024509242]	\N	{4,26,30,53,54,55,65,91,125,135}
cv_als	184	[0.45098352,0.115579106,0.3142079,0.10017883,0.17810726,0.1098942,0.10573904,0.30423453]	\N	{4,15,35,41,46,48,55,63,70}
cv_als	185	[0.45691094,0.32554373,0.45491415,0.25183558,0.14413331,0.3772823,0.20584987,0.49920297]	\N	{4,9,15,19,20,35,48,55,58,59,60,97,99,138}
cv_als	186	[-0.07479389,-0.06017479,-0.09518422,0.028016517,0.0817022,0.26676524,0.08508135,0.27181768]	\N	{1,28,44,110,114,136}
cv_als	187	[-0.052067943,-0.055360183,0.15060882,-0.07935633,-0.15765275,-0.101287745,0.3060167,0.05628775]	\N	{7,34,47,53,55,57,78,83,101,119,145}
cv_als	188	[0.124945275,0.0013842159,-0.17146221,0.36612278,0.30293193,0.14770237,0.12248069,0.29747292]	\N	{12,17,19,28,44,54,55,90,104,129,134}
cv_als	189	[0.3510105,0.4653375,0.08137291,0.26075777,0.19644605,0.270076,0.3212819,0.40454075]	\N	{3,4,20,24,27,35,36,45,53,55,77,95,97,104,145}
cv_als	190	[-0.0059030014,0.06279488,0.21342915,-0.004297152,-0.022126904,0.009092348,0.33755141,0.17631996]	\N	{7,32,53,55,99,105,126,145}
cv_als	191	[0.17625646,0.3131797,-0.02000826,0.17428711,-0.0052976278,-9.513765e-05,0.16320314,0.042444665]	\N	{9,21,36,73,97,130,140,145}
cv_als	192	[0.34858078,0.13269332,0.28972885,0.10094342,0.055607207,0.09893545,0.0010457207,0.2185116]	\N	{4,14,15,22,35,48,60,70,108}
cv_als	193	[0.6667258,0.43549782,0.6257736,0.5121222,0.62524056,1.0757209,0.5015595,0.77625924]	\N	{3,4,5,18,19,35,44,45,46,49,54,55,56,60,62,63,65,67,71,77,91,95,99,128,134,137,143}
cv_als	194	[0.33839643,0.04601826,0.3874269,-0.03585658,0.08903257,0.12343669,0.119475424,0.26973203]	\N	{4,7,8,15,35,52,53,59,60,70}
cv_als	195	[0.1514077,0.26121652,-0.003608212,0.07324569,-0.0042643007,0.06697647,0.15140283,0.008422717]	\N	{36,75,79,80,139,145,146}
cv_als	196	[0.2865006,0.38724238,-0.008674693,0.17128804,0.0066917255,0.31849593,0.21336186,0.21092716]	\N	{4,13,14,18,20,36,39,75,77,80,100,131,134,145}
cv_als	197	[0.052071143,0.037429012,-0.063086525,0.15042946,0.24012834,0.07309396,0.06226087,0.16658413]	\N	{19,28,76,87,90,142}
cv_als	198	[0.019414412,-0.07958113,0.17079242,0.074303254,-0.14075156,0.113236286,0.09489619,0.29826203]	\N	{4,38,53,55,99,124}
cv_als	199	[-0.05349224,0.043073777,0.122138925,-0.0062803803,0.10769989,-0.1622825,0.21031559,0.11187519]	\N	{34,53,126}
cv_als	200	[0.43812865,0.36437005,0.16781566,0.24179262,0.1148005,0.28216085,0.3289006,0.22551593]	\N	{3,4,14,20,21,27,36,54,55,70,86,109,126,140}
cv_als	201	[-0.16379485,-0.0025978652,0.31208888,-0.06899632,0.055586055,0.08214944,0.3400042,0.21504197]	\N	{7,25,34,50,78,99,119}
cv_als	202	[0.018273963,-0.054548424,0.20576292,-0.0047193426,0.053240806,-0.005894449,0.3128208,0.21372516]	\N	{7,34,35,39,55,78,90,99,119,125,133}
cv_als	203	[0.35654873,0.035087727,0.18846612,0.013746827,0.048427008,0.06474437,0.05725605,0.19848204]	\N	{4,35,48,55,63,70,88}
cv_als	204	[0.2892941,0.034008935,0.333944,-0.057530884,0.061160166,0.31224433,0.074774325,0.31679076]	\N	{4,15,35,62,67,79,99,128}
cv_als	205	[0.24505076,-0.008597826,-0.035079543,0.20615987,0.11361963,0.17005813,0.27097163,-0.04377293]	\N	{16,19,26,36,54,55,65,66,72,150}
cv_als	206	[0.027768875,0.11589217,0.028905852,0.07093271,0.049705982,-0.029127983,0.29945448,0.2610167]	\N	{19,34,36,53,55,97,102,114}
cv_als	207	[0.21558142,0.3265767,-0.0010123156,0.12838878,-0.015726514,0.047148522,0.18698728,0.120618664]	\N	{21,24,36,55,67,89,97,145}
cv_als	208	[0.3992198,0.18477924,0.40610152,0.25559744,0.20498724,0.3099772,0.06109707,0.44946498]	\N	{4,12,15,35,48,55,60,61,103,124,143}
cv_als	209	[-0.050720476,-0.04485698,0.15926762,-0.04794628,0.024450686,0.07784984,0.23644476,0.16653484]	\N	{1,7,53,63,99,101,119}
cv_als	210	[0.21335648,0.21271028,-0.025622057,0.07494757,-0.07813364,0.16626854,0.19245517,0.08682232]	\N	{3,20,36,55,63,77,86,137,146}
cv_als	211	[-0.058461707,0.07619997,-0.015669815,0.31625825,0.39013842,0.27856624,0.26467952,0.47973022]	\N	{1,6,27,34,54,90,95,106,124,134,148}
cv_als	212	[0.5006352,0.33711043,0.4864448,0.35909772,0.44621196,0.18155912,0.19582582,0.5176119]	\N	{4,8,9,15,18,35,41,46,48,55,67,69,70,115,126,134}
cv_als	213	[0.18606718,0.29166213,-0.007685699,0.09699952,0.14220764,-0.099619,0.32750198,0.07333203]	\N	{31,34,36,43,55,82,126,137,140,145}
cv_als	214	[0.21226984,-0.03668533,0.064169504,0.18774386,0.0098110465,0.16109757,0.18647972,-0.11454685]	\N	{10,54,55,66,91,131,142}
cv_als	215	[0.25017896,-0.06339268,0.19662225,0.0988148,0.0839121,0.26059,0.26703635,-0.023186857]	\N	{15,53,54,65,91,107,145,150}
cv_als	216	[0.18611795,0.06986363,-0.14527433,0.3628038,0.39017338,0.035267916,0.19623232,0.30497813]	\N	{9,12,13,19,26,37,44,51,55,75,87,90,98,104,129,132,134}
cv_als	217	[0.08593124,0.015956879,0.20985971,0.43248257,-0.04456618,0.31987274,0.07817009,0.1309506]	\N	{9,11,27,54,55,71}
cv_als	218	[-0.03442852,-0.03358295,0.2624776,0.0066057015,0.027200844,-0.06860592,0.31774658,0.17960934]	\N	{7,8,32,34,53,55,64,105,118,119,125}
cv_als	219	[0.31565574,-0.049061507,0.2540681,0.030203898,-0.06817392,0.13838403,0.023709055,0.21488468]	\N	{15,35,55,60,62,81}
cv_als	220	[0.18916564,0.4815274,0.0903122,0.31426093,0.10451581,0.43177205,0.40256032,0.3476376]	\N	{9,14,20,21,24,36,45,53,55,77,88,89,96,97,99,130,131,135,137,140,145}
cv_als	221	[-0.055824876,0.06609744,0.2465717,0.1839949,-0.049055267,0.1308114,0.2932682,0.26037773]	\N	{9,34,47,53,55,77,78}
cv_als	222	[0.30638817,-0.011471765,0.24458778,0.02283791,-0.055037245,0.387269,0.14568156,0.23634134]	\N	{8,35,55,62,86,128,150}
cv_als	223	[0.06393053,0.17982408,0.08087363,0.039086137,-0.14412856,0.15128297,0.23814638,0.16022538]	\N	{55,86,97,99,145}
cv_als	224	[0.23031661,0.7057585,0.3308451,0.62961215,0.24013013,0.5600511,0.45682096,0.47379392]	\N	{3,8,9,14,20,21,24,34,36,47,55,77,80,85,89,90,91,97,100,116,120,130,135,145}
cv_als	225	[-0.07259327,-0.20211601,-0.1599358,0.07433103,-0.14761189,0.23834324,0.048304763,0.27637148]	\N	{9,29,55,90,98,110,136,149}
cv_als	226	[0.26215726,-0.009432949,0.19104698,0.34650016,0.22416873,0.20133053,0.27264914,-0.016782468]	\N	{7,10,54,55,58,65,100,134,142,147}
cv_als	227	[0.15697038,0.2807695,0.21012726,0.10336113,-0.043256305,0.34699243,0.4260577,0.18817922]	\N	{3,7,20,36,45,53,55,80,115,131,135,137,145}
cv_als	228	[0.35019886,0.27624232,0.5068282,0.5844717,0.20649867,0.21830547,0.050359037,0.38419053]	\N	{1,2,4,9,27,48,55,76,83,107,111,116,138,142,149}
cv_als	229	[0.30508924,0.3848562,0.052906953,0.056806155,-0.0017575922,0.20681404,0.19110279,0.07829903]	\N	{14,20,36,39,70,77,86,96,127,131,140,145}
cv_als	230	[-0.025521655,-0.061450914,0.22302438,0.04159227,0.050273594,0.029135244,0.31097,0.12316564]	\N	{34,50,53,55,91,125,133}
cv_als	231	[0.20745346,0.09531729,0.13367544,0.3290286,0.0031707904,-0.18453759,-0.037479192,0.24874856]	\N	{2,4,9,35,55,64,116,134}
cv_als	232	[0.42211,0.59273684,0.6150651,0.71943206,0.92979187,1.1920966,0.7603448,1.0517707]	\N	{1,4,9,12,13,14,19,22,23,28,37,45,53,54,55,62,64,65,82,88,90,95,99,109,110,113,115,126,129,132,134,136,142,143,146,148,149}
cv_als	233	[-0.07688753,0.12041016,0.2804173,0.031881407,0.14804795,0.03065124,0.32607248,0.21398641]	\N	{3,25,32,34,47,53,102,125}
cv_als	234	[0.0764953,0.10396073,0.17789698,0.35478172,-0.063246064,-0.068718955,-0.014124458,0.10494946]	\N	{2,55,111,115,116,120}
cv_als	235	[0.34835282,-0.060166262,0.1708482,0.21413079,0.23063456,0.08551437,0.34606317,0.02744929]	\N	{10,16,35,53,54,55,65,129,142,145}
cv_als	236	[0.021355053,-0.1689379,-0.029929835,0.0464837,-0.024800584,-0.0025428608,0.18129675,0.11565623]	\N	{53,55,91,105,109,134}
cv_als	237	[0.18408383,0.2179095,0.032628387,0.0778808,-0.053384498,0.14679581,0.2513466,-0.06574482]	\N	{36,39,54,85,123,125,131,137,145}
cv_als	238	[0.1681314,0.2643898,-0.036752533,0.14544149,-0.12442751,0.23927458,0.20726654,0.08911045]	\N	{12,20,24,36,55,75,80,131,135,145}
cv_als	239	[-0.016398942,0.08919413,0.1652173,-0.0012283564,0.087881014,0.014329751,0.39874446,0.22821444]	\N	{22,25,32,34,53,55,75,90,99,118,119,137,145}
cv_als	240	[0.03338164,0.08265267,-0.060303524,0.3138033,0.23055424,0.0032563177,0.106119424,0.27777228]	\N	{1,9,44,74,88,90,126,134}
cv_als	241	[-0.0030921453,0.1233041,0.21836938,0.48429218,-0.07858498,0.13413738,-0.03860655,0.20697744]	\N	{9,17,38,55,71,111,116,120,141}
cv_als	242	[0.42551184,0.073176414,0.21444082,0.08497789,0.18922047,0.14678033,0.07136844,0.35397312]	\N	{4,18,41,55,59,67,70,94,134,136}
cv_als	243	[0.09292903,-0.05243552,-0.15753116,0.22860771,0.2783405,0.27050343,0.30181307,0.4314288]	\N	{1,9,19,21,28,37,53,55,65,73,90,95,109,129,132,134,148}
cv_als	244	[0.03707011,-0.115485944,-0.24175906,0.16730072,0.070670016,0.002360271,0.05181923,0.20214511]	\N	{19,27,28,55,66,82,90,129,134}
cv_als	245	[0.04244431,0.23220645,0.23655856,0.18148303,0.27147108,-0.125497,0.33262044,0.21852401]	\N	{25,31,34,51,53,55,64,112,114,118,126}
cv_als	246	[0.043040194,0.16342016,0.379718,0.20034301,-0.060380038,0.13464613,0.31077722,0.29055905]	\N	{7,9,15,22,53,55,74,78,97,99,101,126,131}
cv_als	247	[0.3231789,-0.09818485,0.12619373,0.26655424,0.2478888,0.2687114,0.30923614,0.083761156]	\N	{11,16,19,30,35,54,55,65,66,91,125,134,137,141,147,150}
cv_als	248	[-0.047206238,0.18233803,0.23586206,0.08758476,0.34409246,-0.004623243,0.34015277,0.26060176]	\N	{25,34,44,53,64,99,105,118}
cv_als	249	[0.1962929,0.008789291,-0.05254305,0.3330445,0.22903714,-0.0076091983,0.11147348,0.22806056]	\N	{4,9,13,33,37,44,51,55,95,106,117,134}
cv_als	250	[0.038339667,-0.066477545,-0.24478865,0.11361497,0.114404984,0.080876976,0.07799767,0.26396132]	\N	{55,82,88,90,109,132,134}
cv_als	251	[0.15312144,0.36500204,0.05377045,0.11300639,-0.052564595,0.28429672,0.21781227,0.08319866]	\N	{20,21,36,39,40,86,130,131,135,145}
cv_als	252	[0.04072884,0.05039814,-0.008138936,-0.04010472,-0.10101057,-0.097325444,0.20326483,0.021899417]	\N	{36,53,145}
cv_als	253	[0.17563768,0.3075792,0.046485435,0.18698852,-0.050380934,0.2413618,0.21837725,0.09145882]	\N	{9,20,36,75,89,135,142,145}
cv_als	254	[-0.027247954,0.058188587,0.34201354,0.017959807,0.012805414,0.19526233,0.35387146,0.3656073]	\N	{4,20,25,34,47,50,53,55,102}
cv_als	255	[0.032260556,0.29241064,0.476443,0.62040055,0.002202177,0.3778647,0.09404385,0.32695985]	\N	{2,3,9,27,30,55,56,69,71,83,93,99,108,111,116,124}
cv_als	256	[0.060514983,-0.002212581,-0.19132775,0.23298456,0.15331174,-0.063581996,0.057920776,0.2605194]	\N	{13,19,28,44,55,82,88,90,116,134}
cv_als	257	[0.06115155,0.11399259,0.18705545,0.032251786,0.030744694,-0.07778527,0.29464984,0.21197905]	\N	{4,32,34,36,53,55,64,77}
cv_als	258	[0.091471896,-0.097129196,-0.25589156,0.19976166,0.15042421,-0.16681878,0.078010455,0.12792313]	\N	{9,33,51,55,66,87,88,90,95,104,129,134}
cv_als	259	[0.55406624,0.20032516,0.29170713,0.26543748,0.15339857,0.4015366,0.19320133,0.34259275]	\N	{4,15,20,35,36,48,52,54,55,62,112,130,134,138,143}
cv_als	260	[0.1283544,-0.1478827,0.011784117,0.07710216,0.085390404,0.26203647,0.1557303,-0.04539239]	\N	{37,42,54,91,150}
cv_als	261	[-0.08311,0.15263604,0.3220465,0.04306026,0.22225776,-0.007989611,0.3434337,0.22813198]	\N	{34,53,64,99,118,125,126,133}
cv_als	262	[0.26628074,0.4559492,0.09714871,0.19618517,0.28663823,-0.08997761,0.1754189,0.021932343]	\N	{31,36,43,48,76,140}
cv_als	263	[0.17250629,0.2392101,0.33184755,0.23193851,0.32351142,-0.033268373,0.37272575,0.36973143]	\N	{22,34,35,53,55,57,64,73,87,97,105,114,125,126,134}
cv_als	264	[0.25049672,0.03216259,0.15400009,0.04719798,-0.014253631,0.3255551,0.08482668,0.36486706]	\N	{19,55,59,60,128,138,145}
cv_als	265	[0.11934938,0.20209236,-0.09123609,0.11190184,-0.08547338,0.010602342,0.16128011,0.10277705]	\N	{24,36,55,97,134,135,145}
cv_als	266	[0.068163045,0.1011156,0.37072566,0.17851727,0.13440014,-0.030347204,0.3124923,0.27585194]	\N	{9,22,32,34,35,45,53,55,64,101,102,114,133}
cv_als	267	[0.5920943,0.59886146,0.75825924,0.34426552,0.3096384,0.78290147,0.3258673,0.7299121]	\N	{4,8,15,35,43,48,52,55,56,59,62,67,70,71,97,105,128,143,145}
cv_als	268	[0.22285956,-0.055523988,-0.08144272,0.28161332,0.32343027,0.024198089,0.20511152,0.08774286]	\N	{11,12,16,37,55,87,90,104,142}
cv_als	269	[0.054757208,0.12543324,0.18490976,0.41734388,-0.0020414593,0.0009477808,-0.06819198,0.19769096]	\N	{2,9,38,108,111,116,134,143}
cv_als	270	[0.093245395,0.08065239,0.29613757,0.46056023,-0.015886044,0.21482772,0.053273015,0.17879549]	\N	{9,17,27,54,55,69,74,108,111,125,138}
cv_als	271	[0.24362943,-0.083299,0.15904804,0.13771567,0.13604036,0.25163302,0.17025718,-0.052046485]	\N	{4,49,54,65,91,113}
cv_als	272	[-0.102929495,-0.0367905,0.26592752,-0.0376553,0.011641259,0.101347625,0.29967952,0.17206243]	\N	{7,53,57,78,99,119,133}
cv_als	273	[0.041482717,0.0060113645,0.09360877,0.29051816,-0.10876393,-0.014318267,-0.01059786,0.08832568]	\N	{9,17,55,81,111}
cv_als	274	[-0.07032978,0.054000005,0.12909499,0.18570668,0.13965696,-0.053362533,0.22765662,0.27379754]	\N	{27,34,53,56,102,114,134}
cv_als	275	[-0.011316091,0.1313348,0.14685707,0.01688886,0.122461624,-0.09445669,0.28632152,0.15949456]	\N	{34,53,102,121,126,145}
cv_als	276	[0.13193841,0.09832757,0.3528731,0.085730545,0.13979486,0.17780939,0.38750666,0.35469404]	\N	{19,30,31,34,35,36,40,47,50,53,55,78,82}
cv_als	277	[0.24153218,-0.06372554,0.10495144,0.34624377,0.24772961,0.1970182,0.24629775,-0.0008948887]	\N	{10,42,54,55,65,72,91,113,134,142}
cv_als	278	[0.15992777,0.23836692,-0.07736153,0.18262008,-0.09134164,0.13247517,0.24174511,0.1627744]	\N	{1,9,20,36,43,55,75,83,100,131,134,145}
cv_als	279	[0.053977996,-0.050229676,-0.15111965,0.15818897,0.20447844,0.12135035,0.093640715,0.21762761]	\N	{1,19,65,90,134}
cv_als	280	[0.2154193,0.3021628,0.066287175,0.21039324,-0.07773093,0.07395739,0.1712139,0.12294017]	\N	{3,9,24,36,55,59,97,127,131,141,145}
cv_als	281	[0.012018121,-0.10129462,0.25801754,0.02722827,0.04684708,0.05846273,0.354977,0.0305737]	\N	{7,34,53,54,83,99,119,133}
cv_als	282	[0.14017671,0.33624235,0.092171125,0.118312515,-0.014850354,0.27303696,0.35794255,0.24148737]	\N	{14,20,21,36,45,53,55,89,97,100,131,145}
cv_als	283	[0.30640978,-0.017642455,0.17071995,-0.058909774,0.0062485468,-0.03803141,-0.048100986,0.13948579]	\N	{4,15,35,48,59,67}
cv_als	284	[0.18367928,0.2803163,0.03617675,0.27603203,0.197433,0.08420117,0.33371162,0.121328436]	\N	{31,34,36,45,55,65,80,89,97,104,124}
cv_als	285	[0.06802429,-0.041587017,-0.25506568,0.17986634,0.17686018,-0.07151834,0.055254057,0.18645535]	\N	{13,28,37,44,55,90,98,104,108,129}
cv_als	286	[0.27703118,0.3416356,0.085773565,0.28170228,-0.031273454,0.530041,0.31918535,0.09287644]	\N	{3,14,20,36,54,55,77,80,86,96,117,130,131,135,145}
cv_als	287	[0.12810983,0.084427156,0.088256136,0.25229576,0.041693103,0.42442924,0.13498129,0.10901937]	\N	{19,54,77,91,93}
cv_als	288	[0.14041275,0.11461083,-0.0519192,0.078372546,-0.19434504,0.057180565,0.14062281,0.04420278]	\N	{9,18,20,36,55,75,80,145}
cv_als	289	[-0.0016756912,0.06751091,0.29204103,-0.0021202655,0.0223831,-0.017994206,0.42281353,0.1900363]	\N	{5,7,20,34,45,53,55,78,83,101,119,125,126}
cv_als	290	[0.025747806,0.12298511,0.1285363,0.42651063,0.03655563,0.15470631,0.05569479,0.3248778]	\N	{9,17,19,27,55,81,92,120,126}
cv_als	291	[-0.08245683,-0.036567103,0.1995093,0.21649803,-0.06506836,0.098094635,0.20020936,0.25254545]	\N	{7,9,27,53,55,76,87,99,105}
cv_als	292	[0.33439013,-0.004251175,0.27084935,0.341715,0.26920182,0.2030403,0.20529938,-0.065157965]	\N	{5,9,10,35,65,91,117,142,147}
cv_als	293	[0.38093522,0.17013323,0.31154883,0.19659583,0.1955305,0.22707391,0.01684784,0.4004719]	\N	{3,4,15,19,35,41,48,67,81,128,141}
cv_als	294	[0.06936826,0.072611116,-0.16466662,0.28034562,0.115393005,0.3726699,0.17606759,0.42158484]	\N	{1,17,19,20,27,36,55,90,109,134,144,148}
cv_als	295	[-0.083886586,-0.10398134,0.21365523,-0.035534095,-0.05521086,-0.054948695,0.3009836,0.12850633]	\N	{7,25,34,42,53,55,64,78,99,119}
cv_als	296	[0.37673408,0.019451264,0.37524763,0.018809648,0.07729943,0.2208645,0.14757,0.38793322]	\N	{4,8,15,35,48,53,55,59,62,67,103,128}
cv_als	297	[-0.009062321,0.14767262,0.32660872,0.18539548,0.095094495,-0.090389356,0.30481574,0.21948306]	\N	{3,7,32,34,53,55,102,116,126}
cv_als	298	[0.05580583,0.32843134,0.4395885,0.15177055,0.27274546,0.3286474,0.5736711,0.43493515]	\N	{7,20,25,26,32,34,37,45,46,53,55,99,102,105,114,118,119,125,126,135}
cv_als	299	[0.028315477,0.20999739,0.052504364,0.02093148,-0.06794693,0.09892305,0.23265238,0.13226882]	\N	{53,85,96,97,99,100,145}
cv_als	300	[0.1045573,0.04432224,-0.22582771,0.19315006,0.22741319,0.16044402,0.15179633,0.23252855]	\N	{1,23,36,65,80,90,129,134}
cv_explicit	1	[0.76871496,2.5070965,1.1895754,3.1786454]	0.37919888	{7,22,53,83,99,114,118,119,125,134}
cv_explicit	2	[0.8419866,-2.640316,-2.6416547,1.012076]	0.17965898	{6,9,12,19,36,44,55,87,90,95,104,108,129,132,134,140,148}
cv_explicit	3	[-1.9999136,-0.7047366,3.083386,-0.04632079]	-0.58587646	{11,27,47,54,55,65,73,144}
cv_explicit	4	[-0.7500138,-0.90166366,0.23257133,-0.67036813]	0.17833488	{4,29,37,55,90,110,129,136,149}
cv_explicit	5	[-0.21429822,-0.53676814,-0.72336924,-0.9471799]	-0.684912	{9,11,15,32,34,53,54,55,83,102,104,125}
cv_explicit	6	[-3.0328736,-3.143542,5.477224,0.26955193]	1.4921904	{13,31,36,40,43,44,45,52,54,55,60,71,75,77,79,83,86,97,122,131,135,137,140,145,146}
cv_explicit	7	[0.94962734,-0.14144766,-0.40379572,-0.47864974]	-0.44163465	{13,25,35,53,95,114,124,125,126,146}
cv_explicit	8	[-0.14588834,0.41319796,-1.043001,-0.65682834]	-1.7259172	{20,31,36,39,55,86,145}
cv_explicit	9	[0.48605347,0.50925684,0.115975626,0.18966776]	-0.89238286	{9,19,20,23,55,77,90,95,129,134,148}
cv_explicit	10	[0.81600744,-0.38326845,0.46192008,-0.8154355]	-0.45661685	{36,55,99}
cv_explicit	11	[0.74451953,-0.081729025,-0.7274329,-0.37573865]	-0.43125385	{15,20,21,25,43,55,97,134,145}
cv_explicit	12	[-1.2969525,-1.6561437,-3.4794981,2.2671616]	-0.3609394	{3,14,20,36,39,53,55,75,92,131,135,145}
cv_explicit	13	[-0.7134433,-0.3373007,0.58258146,0.53386366]	-0.2997861	{4,5,20,35,48,67,70,73,94,142}
cv_explicit	14	[0.17558117,0.64902407,-0.20715526,0.22373198]	-0.9091035	{38,74,124}
cv_explicit	15	[-0.079817794,0.0016936683,1.6543542,-0.10363154]	-1.0278343	{4,18,35,48,63,70}
cv_explicit	16	[1.6301994,-0.2883487,-0.52158666,-0.03328561]	-0.82358754	{16,39,53,54,55,65,66,72,91,134,140}
cv_explicit	17	[0.53219527,-0.83503413,-0.62655777,-0.31553423]	-0.44717303	{14,15,24,31,36,77,85,89,97,135,145}
cv_explicit	18	[-0.7140088,0.5569394,-0.9702818,-0.41701964]	-0.5890117	{7,10,34,47,50,53,64,78,99,102}
cv_explicit	19	[-1.7803024,-0.49574548,0.5349773,-0.36866277]	-0.41516104	{14,24,36,37,64,77,89,97,145}
cv_explicit	20	[-0.08214137,-0.1448382,0.37138668,-0.3243794]	-1.0992341	{4,9,15,18,23,35,41,48,55,59,69,70}
cv_explicit	21	[-0.092482425,0.01633444,0.23656406,-0.28236452]	-0.81459475	{1,9,19,27,29,33,53,55,90,110,129,134,136,148,149}
cv_explicit	22	[1.7462021,0.17780773,-0.7184613,-1.2194744]	0.609159	{4,15,48,55,60}
cv_explicit	23	[0.794071,-0.4253848,0.09606184,0.052733287]	-2.2322724	{2,19,20,53,55,84,110,134,136}
cv_explicit	24	[-1.7034535,-0.12900832,0.007857711,0.82995653]	0.2581104	{15,35,40,48,54,61,138,147}
cv_explicit	25	[-0.34972417,-0.18295607,1.8832644,-0.6923253]	-1.072038	{4,15,35,48,55,109,138}
cv_explicit	26	[-1.1481528,-0.8100635,-0.38678408,-0.37394637]	-0.8841467	{19,23,29,50,55,88,90,97,110,134,136}
cv_explicit	27	[-0.1596322,-0.19107433,1.5042838,-1.2240795]	0.47942066	{4,15,35,36,52,55,59,60}
cv_explicit	28	[-0.55046755,0.12224813,0.73843694,-1.7418083]	-1.1040682	{4,8,9,15,32,35,48,55,59,62,91,136,138,149}
cv_explicit	29	[-1.6160146,-1.9357231,-2.7188878,1.7957926]	0.6922843	{1,14,20,36,55,66,77,86,89,97,100,101,107,121,122,131,132,135,140,145,146}
cv_explicit	30	[-1.592865,-0.30580506,0.73579556,-0.92228484]	-0.341412	{19,37,55,90,132,134}
cv_explicit	31	[-1.0148855,0.41227338,0.6676687,-0.06409147]	0.71496767	{2,9,93,111,116,117}
cv_explicit	32	[0.20027699,-0.6645057,0.8419747,-0.45734686]	-0.57466495	{16,19,23,55,67,77,90,106,109,121,129,134,149}
cv_explicit	33	[0.69767815,3.1272385,4.1059446,1.8495308]	0.651745	{2,9,36,55,69,81,111,116,134}
cv_explicit	34	[-0.114075065,-0.37447914,-0.7142421,1.0254668]	-0.08580947	{11,14,24,25,31,36,39,53,75,97,113,127}
cv_explicit	35	[-0.056851,1.0236685,-0.46925777,0.8332622]	-0.5650957	{15,19,29,35,59,60,63,138,143}
cv_explicit	36	[0.67801654,-1.2652503,0.6415353,0.13846123]	-1.0317048	{2,9,55,81,93,116,119}
cv_explicit	37	[-0.8968173,-3.088427,2.1319609,1.356156]	-0.045094375	{1,6,19,20,27,37,53,55,90,97,104,110,127,129,132,134,136,148}
cv_explicit	38	[-2.6574314,0.23231041,-0.39335865,0.2546179]	-0.16906655	{6,13,37,44,53,90,104,129,134}
cv_explicit	39	[1.0129836,-0.10858889,0.79902864,-1.470678]	0.61350983	{1,34,104,129,134}
cv_explicit	40	[-0.53055835,-1.2122492,-0.4690847,0.897491]	-0.80604565	{1,3,4,33,90,96,132,134,148}
cv_explicit	41	[2.2336197,-0.7488011,0.6319692,5.322185]	2.1972542	{4,9,10,13,19,27,29,55,56,66,71,74,86,93,97,108,111,112,120,125,126}
cv_explicit	42	[-0.18724975,-0.69933933,0.23651809,0.09752509]	-1.0023923	{4,15,55,77,97,121,138,145}
cv_explicit	43	[0.3704969,1.1820173,1.3038127,0.0863181]	-1.3541762	{9,36,38,55,91,108,114}
cv_explicit	44	[0.5478679,-0.8633408,0.71030265,0.39848986]	-0.48249072	{1,19,46,53,55,76,82,90,95,134,148}
cv_explicit	45	[5.8800354,1.0557923,0.7472612,2.063588]	2.3559532	{1,4,7,9,19,22,25,31,32,34,36,40,43,44,45,47,50,53,55,56,64,65,76,78,94,97,99,102,105,111,125,126,133,134,136,145}
cv_explicit	46	[-0.32883367,1.3583959,1.7414968,-2.0356188]	-0.70527846	{7,9,22,34,53,55,59,99}
cv_explicit	47	[-0.43714893,-0.87735415,0.8090962,-1.2191899]	0.5642999	{11,54,55,113}
cv_explicit	48	[-0.9689377,1.770896,0.3320386,0.8941442]	-0.5810259	{9,23,27,38,55,69,74,77,81,92,120,124,134}
cv_explicit	49	[1.3864579,0.40701073,-1.1685885,-0.7011554]	-0.8799512	{4,9,35,61,79,138}
cv_explicit	50	[0.49811506,-0.114341885,-0.42895374,-0.8287505]	-0.8885329	{4,35,41,55,67,70,138}
cv_explicit	51	[2.2990327,-0.5904383,0.9738223,0.3243847]	-0.7795199	{42,54,55,65,91}
cv_explicit	52	[-1.0678174,0.58284086,-0.27220768,-1.1487635]	-0.2639099	{4,18,20,35,46,55,67,70,86,90,94,122}
cv_explicit	53	[-0.40349948,0.63757396,-0.5338501,0.43344688]	-1.4361147	{7,9,53,57,95,99,102,134}
cv_explicit	54	[0.62697095,-0.7595365,-0.11935744,-0.08238882]	-0.6590212	{7,22,53,55,57,91,99,101,145,148}
cv_explicit	55	[-0.3376258,-1.2295425,0.8301182,-0.07441272]	-0.6181904	{9,31,85,140,145,146}
cv_explicit	56	[0.1462389,-0.62812585,-0.4666653,-0.8406041]	-0.35120493	{3,21,24,36,53,55,77,82,85,89,97,126,130,134,140,145}
cv_explicit	57	[1.3086641,0.75671256,-0.78023255,-0.36714756]	-0.9262511	{2,9,27,55,56,64,71,111}
cv_explicit	58	[-0.7648033,-1.1546168,-0.8728257,0.48151693]	-0.16467156	{4,10,19,33,53,71,90,121,134,148}
cv_explicit	59	[-0.20109221,-1.7486576,-0.8317442,0.55816185]	-1.0180783	{1,9,14,55,82,97,106,119,132,134,135}
cv_explicit	60	[1.0644369,-0.36599287,1.4413992,-0.4397291]	-0.8149932	{20,31,36,49,81,89,90,97,119,126,127,131,133,134,140,145,146}
cv_explicit	61	[-1.5070257,2.6672983,-0.8487847,1.3477778]	0.030456988	{3,20,27,36,59,80,134,135,145}
cv_explicit	62	[1.5076221,0.0335628,0.39460695,0.9457794]	-1.5907031	{4,15,31,55,62,63,65,128}
cv_explicit	63	[-0.20825002,0.78995377,-0.34651288,0.62805796]	0.061967842	{14,20,36,55,86,91,131,134,135,140,145}
cv_explicit	64	[0.8966708,1.2381052,0.6373274,-0.4818149]	-0.5699863	{15,25,32,34,36,40,53,55,64,68,86,105,125,144}
cv_explicit	65	[-0.9304697,-0.36820063,-1.3206038,-1.5831027]	-0.55936664	{4,15,35,41,67,115}
cv_explicit	66	[0.5474941,-0.4230775,0.6873125,0.014969889]	-1.156642	{3,20,36,53,55,80,86,110,131,135}
cv_explicit	67	[1.8746513,-1.5524151,-1.8015245,-0.64811766]	1.4012601	{25,34,53,105,118,126,134,141}
cv_explicit	68	[0.8705948,4.1031313,-1.0931017,-3.4601257]	2.1938565	{20,36,45,55,81,97,100,130,145}
cv_explicit	69	[0.10135267,0.33352908,2.7739236,-0.39101872]	-2.2920825	{4,5,9,10,50,54,65}
cv_explicit	70	[-1.9475405,-0.97730327,0.2229654,-0.8457021]	-0.081774436	{3,14,20,24,36,45,55,75,97,99}
cv_explicit	71	[-0.34679663,-0.33099106,-0.23342785,-1.1100591]	-0.44090044	{55,104,129,134}
cv_explicit	72	[2.141607,0.7242573,1.4869777,-1.0668762]	-0.687333	{9,10,11,16,30,40,42,49,53,54,55,65,66,67,91,105,111,122,142}
cv_explicit	73	[-0.46423778,-2.7855904,1.0867468,-0.77220666]	0.8038261	{11,40,50,53}
cv_explicit	74	[-0.5047108,0.13766249,-0.33654875,-0.047648083]	-1.0745227	{2,17,19,50,55,81,116}
cv_explicit	75	[-0.33979142,-2.0672898,1.5723313,-0.009224688]	0.55356514	{5,10,11,28,54,55,58,65,108,113,117,123,142,144}
cv_explicit	76	[5.9558387,1.5602753,3.8481066,7.2151814]	2.6472886	{2,4,9,15,27,36,42,55,58,67,71,74,81,93,108,111,112,120,134}
cv_explicit	77	[-0.63689977,0.15425487,-1.7323111,0.08653659]	-0.350584	{2,9,11,27,47,55,65,71,74,141}
cv_explicit	78	[1.0008411,-0.6961247,-0.34100488,0.14338976]	-1.4100074	{14,19,55,90,132,134,147,148}
cv_explicit	79	[-1.0970211,-0.31390664,-0.3724968,-0.22730093]	-1.5030566	{4,15,34,35,48,53,59,70,143,145}
cv_explicit	80	[-0.93487203,2.366434,5.644547,-1.1128013]	1.4741428	{2,9,27,36,38,53,55,56,61,64,74,91,97,111,112,116,121,134,141,142}
cv_explicit	81	[6.202452,-3.0720842,1.0233258,2.6859057]	2.862899	{9,31,55,56,108}
cv_explicit	82	[0.21208228,0.09884579,-0.3089808,-0.26555586]	-1.8359982	{4,9,15,35,52,55,60,103,134,143,145}
cv_explicit	83	[0.17600074,-0.062295742,-0.051692296,0.56407726]	-0.6854871	{10,22,34,53,54,55,78,114,126,133}
cv_explicit	84	[-0.9721152,0.7411375,-0.16670176,1.5985135]	-0.06381065	{2,9,47,53,55,87}
cv_explicit	85	[0.86266124,0.3727493,0.013497002,-2.1954088]	0.064073466	{4,9,14,21,24,55,77,96,97,145}
cv_explicit	86	[0.21570034,1.2629805,-0.96584207,-1.39121]	-2.3626611	{34,47,50,53,55,145}
cv_explicit	87	[3.2942429,2.7593853,-1.7711883,-3.3885398]	0.8529645	{25,32,34,53,78,99,119,125}
cv_explicit	88	[1.1027092,-0.47380775,0.18821374,2.0077388]	-0.34714136	{2,9,27,39,71,74,108,111,124}
cv_explicit	89	[-0.5076768,0.6466899,0.56846917,0.6454908]	-0.92269933	{13,19,21,27,28,29,110,136}
cv_explicit	90	[0.617848,0.23418088,0.044036258,-0.28376576]	-1.5158167	{20,21,27,36,55,77,108,135,137,145}
cv_explicit	91	[-1.9704643,3.6329257,-1.3516134,2.1408384]	0.80375093	{9,27,55,74,108,111,112,120,134,145}
cv_explicit	92	[-0.4238494,-0.46126053,0.9242318,-0.9707084]	-0.8494978	{7,34,55,125,142}
cv_explicit	93	[0.026259832,-2.0816636,-1.8601043,1.2312269]	-0.25679737	{20,36,39,55,63,75,107,126,131,140,145}
cv_explicit	94	[-0.018887747,0.9199541,-1.9836795,-2.4998958]	0.18723138	{32,34,36,47,53,55,114,125,133}
cv_explicit	95	[1.9162117,2.0195477,0.020392274,-0.8410469]	0.40442574	{9,38,46,55,56,90,124,128,129,142}
cv_explicit	96	[0.47523794,0.18968102,0.2556882,0.9306902]	-0.9212061	{83,88,90,126,145}
cv_explicit	97	[0.16204727,-0.10319601,0.14530034,-0.59791136]	-0.7710026	{6,9,19,26,44,55,59,72,90,120,126,134}
cv_explicit	98	[-1.0373664,-0.43113235,0.48306182,-3.5965056]	-0.07391077	{13,24,36,77,85,89,134,137,145}
cv_explicit	99	[0.35163596,1.4353122,1.3698041,-0.21782012]	-0.6581073	{1,31,32,36,44,46,49,53,55,64,66,97,104,113,140,145,146}
cv_explicit	100	[2.7893193,-0.031979725,2.317464,-0.90587217]	0.20337093	{30,54,55,58,85,86,91,150}
cv_explicit	101	[0.61257726,-0.6268278,1.459286,-0.41539353]	-0.34791613	{1,13,20,23,90,134,136,148}
cv_explicit	102	[-0.9528824,-0.6610752,-0.56271315,-0.6738644]	-0.67970926	{4,15,29,35,48,53,55,59,61,122,138}
cv_explicit	103	[2.3092136,0.68263495,-0.19392817,2.23728]	1.162912	{9,10,27,37,45,53,55,56,71,74,86,93,108,111,120,134,140,145}
cv_explicit	104	[0.3750302,2.0397453,0.25953007,-0.7133487]	-0.38578236	{24,39,55,97,137,145}
cv_explicit	105	[0.4364453,-0.75710315,1.5245664,0.4079253]	0.31537285	{9,27,38,55,93,108,109,110}
cv_explicit	106	[-0.9398871,-1.5369647,0.15081093,-0.24493703]	0.42692733	{10,11,48,54,65,91,107,117,142,144}
cv_explicit	107	[-0.18286471,-0.9117828,-0.33358508,0.9846939]	-1.089777	{4,9,14,20,21,31,36,55,80,86,97,99,101,110,131,135,139,145}
cv_explicit	108	[-0.24364851,-1.320698,-1.0043123,-0.46212655]	0.44608694	{9,15,34,35,45,55,57,59,60,83}
cv_explicit	109	[1.1325746,-1.3907356,0.01900587,0.5531822]	-0.22444814	{14,20,53,55,96,97,126,145}
cv_explicit	110	[-0.6524735,1.3008407,-2.5589306,0.3151598]	-0.23566428	{25,34,53,55,64,97,99,105,143}
cv_explicit	111	[-4.9374123,-0.73776096,0.48645577,1.4265771]	0.9928818	{1,9,19,28,34,46,55,90,97,104,126,129,132,134,137}
cv_explicit	112	[0.24589008,-0.009338798,0.23923808,-1.06091]	-1.0151886	{55,84,134}
cv_explicit	113	[3.2341967,-2.2972991,1.2132554,1.0254896]	2.0060165	{2,9,38,55,56}
cv_explicit	114	[0.977891,-1.1799129,0.2527975,0.7582882]	-0.81998265	{2,9,27,36,53,55,67,116,143}
cv_explicit	115	[-1.126611,4.402081,0.26439273,3.5593398]	1.5492556	{9,11,17,27,38,54,55,56,71,74,80,81,90,92,93,111,112,124,134,135,141}
cv_explicit	116	[0.5911736,0.0965849,0.771075,-1.5685643]	0.3917991	{4,15,20,35,48,62,94}
cv_explicit	117	[0.11862399,-0.5623273,-0.42231008,0.1104072]	-1.2115409	{47,50,53,55,97,99,102,125,126}
cv_explicit	118	[-1.6712302,-1.9087297,1.716955,-0.04033963]	0.12612669	{9,10,49,54,55,65,91,95,107,112,142,147}
cv_explicit	119	[0.9255015,-2.519615,-3.5030541,2.8980808]	0.8186087	{1,3,5,6,9,12,15,19,23,28,35,44,48,51,53,55,56,67,69,76,79,87,88,90,97,101,104,114,117,126,127,129,134,140,142,148}
cv_explicit	120	[0.42724442,0.22284864,0.03357703,-0.3797375]	-2.158542	{4,15,35,48,55,70,73,133}
cv_explicit	121	[1.6775975,0.3869244,-0.41171476,-0.5629563]	-0.44519842	{10,11,16,26,30,35,49,54,55,58,65,80,84,91,100,123,145,147,150}
cv_explicit	122	[-0.7640619,1.7737749,-2.2723815,-1.7171739]	0.83948475	{1,10,11,17,26,27,42,54,55,56,65,91,95,121}
cv_explicit	123	[-1.348005,2.2394555,-0.33685872,0.1886165]	-0.5881542	{9,38,41,54,55,74,81,124}
cv_explicit	124	[0.29984978,-0.09128057,0.60593736,-0.1794889]	-1.4500521	{1,4,15,19,25,35,46,70,73}
cv_explicit	125	[-0.08420206,-0.016380906,-0.3572899,-0.97536844]	-0.97637403	{4,8,18,49,55,70,104,114}
cv_explicit	126	[0.21341093,-0.6092461,-1.821373,0.004471817]	-1.1574124	{6,13,19,23,28,55,73,90,104,129,132,135,136}
cv_explicit	127	[0.38052204,1.3817549,1.4647819,2.1055233]	0.24206705	{9,27,35,39,55,65,74,108,111,112}
cv_explicit	128	[-0.047988415,0.5807001,0.6539064,-1.3071527]	-0.55975103	{16,37,49,54,55,65,66,84,91,99}
cv_explicit	129	[-2.501808,-0.67752767,1.6200033,-0.38164276]	1.1780459	{7,34,53,55,99,101,126,142}
cv_explicit	130	[-0.027416756,-0.31839123,0.23701477,-1.1457195]	-0.65239716	{5,10,14,20,24,27,31,36,43,48,55,83,86,90,96,137,140,146}
cv_explicit	131	[0.5960901,-0.8195115,-1.6807634,0.4046475]	0.0690569	{5,11,16,54,55,65,113}
cv_explicit	132	[0.38669345,-0.8097199,-2.5217152,-0.10541799]	-0.36738434	{41,54,55,113,134}
cv_explicit	133	[-0.27191207,1.6440097,1.0762696,-1.0940582]	-0.20925966	{2,9,33,55,111,116,133,135}
cv_explicit	134	[2.4081373,0.5940352,-0.47280484,1.3897794]	1.5834045	{2,9,17,27,35,55,69,74,111,112,120,134}
cv_explicit	135	[-1.3703728,-0.604287,0.6294567,0.45064855]	-0.89730984	{4,15,35,73,90,129,138}
cv_explicit	136	[1.7305031,-0.16178724,0.88700753,0.7719573]	-0.30984342	{28,37,45,67,89,90,132,134,136}
cv_explicit	137	[1.5419545,0.24221012,0.82815135,-0.33516678]	-0.80575764	{9,10,26,49,54,55,67,113,134,149}
cv_explicit	138	[3.4354105,1.2891628,1.1982838,-0.5650387]	0.039687645	{3,4,10,11,16,26,33,44,54,58,59,97,104,113,145}
cv_explicit	139	[-3.5062819,-0.5206372,-0.39734793,-1.1849844]	0.8930177	{1,9,29,53,55,90,110,129,136}
cv_explicit	140	[0.41788083,-1.0191511,0.97559834,0.28070378]	-0.22076625	{7,22,53,55,78,113,119}
cv_explicit	141	[-0.44959348,0.79457486,0.8596607,1.3921754]	0.02038216	{5,34,50,53,64,102,105,125,126,145}
cv_explicit	142	[-0.37601745,-1.1905632,-0.49294367,0.50389016]	0.11003519	{4,9,20,31,35,36,39,54,56,63,75,77,80,86,96,125,129,130,131,135,139,145,146}
cv_explicit	143	[0.12835383,0.30136034,-1.5916159,0.2896112]	-0.6901132	{9,11,30,42,49,54,55,61,65,73,91,117,134,137}
cv_explicit	144	[0.59394974,-0.45643738,-1.6703683,-1.0148195]	-0.27348703	{4,44,55,60,87,104,106,129,134}
cv_explicit	145	[1.2396941,0.0668687,-0.08065832,-0.084400944]	-0.6646426	{11,35,53,54,55,65,66,81,97,113}
cv_explicit	146	[-0.016394958,1.0493723,3.5297277,2.016799]	1.8971598	{9,12,17,27,55,56,69,71,74,76,98,108,112,141}
cv_explicit	147	[-0.9297277,-1.2000558,1.0011736,-0.15342723]	0.02189683	{6,12,13,42,54,104,129,134}
cv_explicit	148	[0.068588085,-1.031287,0.770718,-0.28590465]	-0.84640926	{23,55,82,90,112,121,129,134}
cv_explicit	149	[0.034755666,0.47506562,2.254289,-0.6466617]	-0.07931621	{2,9,13,55,58,111,116,134}
cv_explicit	150	[-2.2835927,0.04422067,0.10130295,-1.6757584]	0.69783425	{4,8,9,10,15,19,27,35,46,48,52,54,55,59,60,67,70,79,103,109,115,128,138}
cv_explicit	151	[0.1954321,-0.52696174,-0.85804176,-0.1886149]	-1.3608278	{4,15,35,48,52,55,63,70,79,83,113,115,122,131}
cv_explicit	152	[1.473579,-0.8590686,-0.688291,0.12975095]	-0.6969793	{9,42,54,55,65,107,113,147}
cv_explicit	153	[-2.1051023,-1.3131461,-0.3387869,-0.4148617]	-0.5168041	{19,24,44,55,82,90,95,99,104,116,117,129,134,139,149}
cv_explicit	154	[-0.5037467,1.0861495,0.15430047,-0.62447]	-0.18473901	{4,8,9,18,35,36,46,53,55,63,67,70,73,79,81,84,90,94,99,101,111,115,122,126,129,134,138,143,150}
cv_explicit	155	[0.71926326,0.3156159,0.0017329281,0.32310718]	-1.6354365	{4,35,46,53,55,70,73,122,137,145}
cv_explicit	156	[3.8915796,-0.46066642,1.8957695,1.2800546]	-0.5553292	{2,9,55,69,116}
cv_explicit	157	[1.4458412,0.96772087,-0.47934166,-0.579083]	0.41624624	{22,25,32,34,36,43,53,55,99,105,125,126}
cv_explicit	158	[-6.2618513,11.8389635,-1.8776946,5.9135556]	7.044572	{1,4,8,9,10,14,15,16,18,19,20,24,31,32,35,39,41,45,46,47,48,49,51,52,53,54,55,56,58,61,62,63,67,69,70,71,72,73,79,89,90,91,94,97,102,103,104,106,113,115,117,118,122,124,127,128,132,133,134,135,138,142,143,145}
cv_explicit	159	[0.5274424,-0.008374134,-0.12575392,-0.79325724]	-0.6295506	{4,11,20,41,55,70,79,138}
cv_explicit	160	[0.5052213,-0.4486983,-1.2275848,0.10141452]	-1.9253169	{6,16,35,43,52,55,90,111,129,134}
cv_explicit	161	[-2.1237807,0.64821243,0.3983502,-3.9066777]	1.4228418	{24,36,54,55,89,97,130,145,146}
cv_explicit	162	[-0.18251753,0.59284717,-0.8347642,-2.152432]	0.5574794	{11,30,54,55,66,91}
cv_explicit	163	[0.39513376,0.033119116,0.40083194,-0.70855176]	-1.7201633	{2,9,55,56,101,116,131}
cv_explicit	164	[-0.23519579,0.18366146,-0.43385935,-1.3089417]	-0.81930524	{16,24,26,54,55,65,91,138,150}
cv_explicit	165	[4.3399954,0.5193791,1.3682272,-1.651667]	-0.35973576	{9,15,16,30,54,60,65,72,90,91}
cv_explicit	166	[1.002498,-0.2754709,0.8184984,-0.08668159]	-0.4141579	{55,111,116,128,141}
cv_explicit	167	[0.45226192,-0.49661183,-0.31126437,-0.3392838]	-0.9079383	{15,35,48,55,59,60,67,138}
cv_explicit	168	[-0.17112282,1.2814937,-1.8847713,0.2765585]	1.1594183	{9,38,48,55,82,96,116,124}
cv_explicit	169	[-0.20534879,-0.57119983,-0.35336018,-0.892683]	-0.6060144	{3,12,26,37,54,55,70,90,109,117,129}
cv_explicit	170	[-0.56505686,-0.8759378,0.4005017,-0.58576727]	-0.7547632	{9,54,55,65,74,91,107,113,117,142}
cv_explicit	171	[-0.55624706,-0.41366228,-0.44058335,-1.3109703]	0.1595025	{4,35,55}
cv_explicit	172	[-1.2763298,0.7999088,-0.54866076,2.1909144]	-0.4154286	{7,9,16,99,114,118,119,133}
cv_explicit	173	[-2.7737894,1.7489818,2.8615975,-3.0801654]	0.79511774	{10,11,30,36,54,55,65,66,117,130,142,144}
cv_explicit	174	[0.09648625,0.22017233,0.7511254,1.1793687]	-0.60699075	{9,55,64}
cv_explicit	175	[-0.25147918,-0.6259026,0.60216457,-0.9286986]	2.0995708	{4,15,35,55,67,70}
cv_explicit	176	[1.6012585,-0.80991507,0.7415064,0.31534]	-0.44278705	{10,15,24,31,35,55,97,130,140,145,146}
cv_explicit	177	[-2.1861873,1.2954905,-2.4823987,0.66830796]	0.3551557	{3,20,31,36,55,77,80,86,97,131,134,137,139,145,149}
cv_explicit	178	[0.3830057,-0.75223345,0.2573042,-0.18832152]	-0.5497801	{19,27,28,90,129,134}
cv_explicit	179	[3.0646703,2.0222163,2.2756243,-2.3529515]	-0.78350204	{9,38,55,99,124}
cv_explicit	180	[-0.6192186,-0.3464346,0.20092174,-1.6691685]	-0.19360344	{3,9,20,34,36,39,145}
cv_explicit	181	[-2.0769699,0.62755966,0.701677,-1.6362721]	-0.08978364	{13,15,24,35,37,48,55,59,60,61,70,115,134,138,148}
cv_explicit	182	[0.45792055,-0.30180618,-1.4785662,-0.74538094]	-0.6493667	{4,15,35,45,52,59,77,138,143}
cv_explicit	183	[-0.7405512,-0.89797,0.30755514,-0.236337]	-0.57449645	{4,26,30,53,54,55,65,91,125,135}
cv_explicit	184	[1.3397958,0.8589938,0.99639755,-0.23863705]	-0.16671509	{4,15,35,41,46,48,55,63,70}
cv_explicit	185	[-4.3992033,-1.7371238,1.7298654,-0.36673263]	0.77343464	{4,9,15,19,20,35,48,55,58,59,60,97,99,138}
cv_explicit	186	[1.2736539,-0.5752669,0.04800115,-0.19049805]	-0.97656673	{1,28,44,110,114,136}
cv_explicit	187	[-0.3832001,-0.117647596,-1.000106,-0.8987015]	-0.9603896	{7,34,47,53,55,57,78,83,101,119,145}
cv_explicit	188	[-0.061106656,-0.51676893,-0.9225174,-0.54013175]	-0.73978025	{12,17,19,28,44,54,55,90,104,129,134}
cv_explicit	189	[-0.95514363,-1.2128445,1.5861725,0.5473369]	2.4492393	{3,4,20,24,27,35,36,45,53,55,77,95,97,104,145}
cv_explicit	190	[1.5398929,-0.20870554,-0.31518754,0.022289488]	0.2745847	{7,32,53,55,99,105,126,145}
cv_explicit	191	[0.6886013,-1.4683015,-0.67116475,-0.34850028]	-1.5444765	{9,21,36,73,97,130,140,145}
cv_explicit	192	[-0.55363625,-0.98111904,-0.396432,-0.029974202]	-0.59096736	{4,14,15,22,35,48,60,70,108}
cv_explicit	193	[1.2258695,-0.99273777,-4.3076434,1.5599569]	-0.0005076032	{3,4,5,18,19,35,44,45,46,49,54,55,56,60,62,63,65,67,71,77,91,95,99,128,134,137,143}
cv_explicit	194	[-0.43484157,-0.9320689,-0.719369,-0.037831057]	-0.33978325	{4,7,8,15,35,52,53,59,60,70}
cv_explicit	195	[0.1277555,-0.5937221,-0.79709864,0.4346464]	-1.1099586	{36,75,79,80,139,145,146}
cv_explicit	196	[0.91670525,-0.13607948,-0.0746659,-0.58330274]	-0.2800417	{4,13,14,18,20,36,39,75,77,80,100,131,134,145}
cv_explicit	197	[0.10389157,0.2808367,-0.12910137,-0.5719118]	-1.161333	{19,28,76,87,90,142}
cv_explicit	198	[-0.004750955,-0.40711355,-0.6253405,0.26987943]	-0.34892407	{4,38,53,55,99,124}
cv_explicit	199	[0.7527532,1.7160383,2.1584125,2.7630596]	0.17407368	{34,53,126}
cv_explicit	200	[-0.3414961,-1.1430686,-0.89990675,0.29036584]	0.28887194	{3,4,14,20,21,27,36,54,55,70,86,109,126,140}
cv_explicit	201	[-1.6229243,-1.6838777,-1.6224315,1.15549]	1.7163223	{7,25,34,50,78,99,119}
cv_explicit	202	[0.22313963,-0.48402548,-0.053431347,-0.5017062]	-1.5290418	{7,34,35,39,55,78,90,99,119,125,133}
cv_explicit	203	[0.66792417,0.885041,1.6403606,-1.4941813]	-1.6476287	{4,35,48,55,63,70,88}
cv_explicit	204	[0.6737228,0.2527128,-0.34428242,-1.2791559]	-1.0969256	{4,15,35,62,67,79,99,128}
cv_explicit	205	[1.3101125,0.37490463,-0.28231183,-0.62402695]	-0.2056064	{16,19,26,36,54,55,65,66,72,150}
cv_explicit	206	[-0.02112689,-1.3398346,-0.1865261,0.73166555]	-0.5910726	{19,34,36,53,55,97,102,114}
cv_explicit	207	[0.37577882,-1.6254985,0.8930118,-0.182603]	0.034020673	{21,24,36,55,67,89,97,145}
cv_explicit	208	[-0.7671436,-0.36981678,-0.41370645,-0.5454668]	0.56073296	{4,12,15,35,48,55,60,61,103,124,143}
cv_explicit	209	[-0.06299446,-0.30607274,-0.2289521,0.6220075]	-1.1112348	{1,7,53,63,99,101,119}
cv_explicit	210	[0.52410537,-0.80464065,-0.65141004,0.28144214]	-1.1450826	{3,20,36,55,63,77,86,137,146}
cv_explicit	211	[0.3158574,-0.22487031,-0.536583,0.9261907]	0.17424618	{1,6,27,34,54,90,95,106,124,134,148}
cv_explicit	212	[-0.28573254,0.5516602,-1.6470547,-1.1479638]	0.11915454	{4,8,9,15,18,35,41,46,48,55,67,69,70,115,126,134}
cv_explicit	213	[0.65386343,-0.39911106,-0.64745396,-0.73987675]	-0.7728234	{31,34,36,43,55,82,126,137,140,145}
cv_explicit	214	[0.519395,-0.6714967,-0.20330535,-0.21959801]	-1.1156126	{10,54,55,66,91,131,142}
cv_explicit	215	[1.285379,1.2592869,2.438049,0.50154483]	-0.38165805	{15,53,54,65,91,107,145,150}
cv_explicit	216	[-0.5103753,-0.9303488,-1.5458124,1.3492332]	-0.6153393	{9,12,13,19,26,37,44,51,55,75,87,90,98,104,129,132,134}
cv_explicit	217	[-1.0164915,-1.8833067,1.2331145,-0.52603227]	1.7358739	{9,11,27,54,55,71}
cv_explicit	218	[-0.6711698,-0.36802205,-0.89000237,1.060888]	-0.5167713	{7,8,32,34,53,55,64,105,118,119,125}
cv_explicit	219	[-0.3809689,-1.0966859,0.7680304,1.200226]	1.0343816	{15,35,55,60,62,81}
cv_explicit	220	[-2.9120288,-0.6908466,-0.13049343,-2.0640073]	0.5455871	{9,14,20,21,24,36,45,53,55,77,88,89,96,97,99,130,131,135,137,140,145}
cv_explicit	221	[-0.13131541,-0.75781405,-1.6942945,-0.86338943]	2.3804433	{9,34,47,53,55,77,78}
cv_explicit	222	[1.4742787,1.2084183,0.5574769,0.6753523]	0.5273366	{8,35,55,62,86,128,150}
cv_explicit	223	[-0.23048885,1.0224075,-0.065319,-2.030384]	0.15720214	{55,86,97,99,145}
cv_explicit	224	[-1.9797418,-0.40022662,0.49307442,-1.6047196]	1.0976855	{3,8,9,14,20,21,24,34,36,47,55,77,80,85,89,90,91,97,100,116,120,130,135,145}
cv_explicit	225	[2.493868,0.36195117,-1.8845981,-0.8508126]	-0.30333427	{9,29,55,90,98,110,136,149}
cv_explicit	226	[-0.6533622,0.4785604,-1.2518723,-1.7712519]	0.4296871	{7,10,54,55,58,65,100,134,142,147}
cv_explicit	227	[-0.9870884,-0.6799799,0.07006854,1.5067118]	0.1760542	{3,7,20,36,45,53,55,80,115,131,135,137,145}
cv_explicit	228	[-1.2251003,-0.77458256,4.0283675,1.2211435]	0.5853553	{1,2,4,9,27,48,55,76,83,107,111,116,138,142,149}
cv_explicit	229	[0.18930764,0.023090903,-0.1450083,-0.8841184]	-1.0881988	{14,20,36,39,70,77,86,96,127,131,140,145}
cv_explicit	230	[-0.42301214,0.30970454,0.49033105,-1.0455832]	-1.0916147	{34,50,53,55,91,125,133}
cv_explicit	231	[0.43194833,0.4397569,2.9936469,-0.18739714]	0.42033097	{2,4,9,35,55,64,116,134}
cv_explicit	232	[-2.3079534,-2.9009678,1.8080734,4.5483956]	2.1405082	{1,4,9,12,13,14,19,22,23,28,37,45,53,54,55,62,64,65,82,88,90,95,99,109,110,113,115,126,129,132,134,136,142,143,146,148,149}
cv_explicit	233	[0.045092303,2.1481426,-2.548247,-0.8173492]	0.26547477	{3,25,32,34,47,53,102,125}
cv_explicit	234	[-0.6608711,0.9963988,0.4723326,0.030043699]	-0.83752096	{2,55,111,115,116,120}
cv_explicit	235	[0.47930673,-0.060531627,0.4783846,-0.7986865]	-0.5876538	{10,16,35,53,54,55,65,129,142,145}
cv_explicit	236	[1.3342178,0.14111345,0.039180223,0.33352453]	-0.73632836	{53,55,91,105,109,134}
cv_explicit	237	[-0.9589844,-1.4732205,-0.43230802,0.4735968]	0.06953436	{36,39,54,85,123,125,131,137,145}
cv_explicit	238	[1.3024373,0.32334638,-0.3549271,0.1585946]	-0.91225886	{12,20,24,36,55,75,80,131,135,145}
cv_explicit	239	[3.7541494,1.9750566,2.2714448,-1.5991113]	-0.11638875	{22,25,32,34,53,55,75,90,99,118,119,137,145}
cv_explicit	240	[0.12698007,0.10238676,0.359178,0.07672353]	-0.72460943	{1,9,44,74,88,90,126,134}
cv_explicit	241	[-0.862612,-0.97904474,-0.44319102,0.14807922]	-0.42709824	{9,17,38,55,71,111,116,120,141}
cv_explicit	242	[2.3930073,0.2616502,-1.3642455,0.31375763]	-0.034891013	{4,18,41,55,59,67,70,94,134,136}
cv_explicit	243	[-0.653233,-0.9351587,-0.43852353,-0.5889923]	-0.66527176	{1,9,19,21,28,37,53,55,65,73,90,95,109,129,132,134,148}
cv_explicit	244	[0.6769236,-0.19942334,0.42836037,-0.58875823]	-1.2665607	{19,27,28,55,66,82,90,129,134}
cv_explicit	245	[1.8235475,0.41435897,-0.3529255,-0.9742877]	-0.23079334	{25,31,34,51,53,55,64,112,114,118,126}
cv_explicit	246	[0.77513564,0.8342597,0.10422293,-0.3414573]	-0.75043386	{7,9,15,22,53,55,74,78,97,99,101,126,131}
cv_explicit	247	[1.4503723,-0.07533033,-0.43784556,-0.29419726]	-0.32526037	{11,16,19,30,35,54,55,65,66,91,125,134,137,141,147,150}
cv_explicit	248	[-0.43223795,-1.5762156,0.14863244,-0.13519196]	-0.15729482	{25,34,44,53,64,99,105,118}
cv_explicit	249	[1.111149,0.0476631,0.56830305,-0.42924696]	-0.6414277	{4,9,13,33,37,44,51,55,95,106,117,134}
cv_explicit	250	[2.6364484,-0.7659889,1.4968091,-0.17774662]	-0.07202575	{55,82,88,90,109,132,134}
cv_explicit	251	[-2.3350906,1.357718,-0.60100055,2.3951187]	0.6805754	{20,21,36,39,40,86,130,131,135,145}
cv_explicit	252	[0.7823627,-0.043770984,0.27602652,-0.6079107]	-0.19556089	{36,53,145}
cv_explicit	253	[0.060941488,-3.0673969,-1.4157233,-1.7013568]	-0.7826374	{9,20,36,75,89,135,142,145}
cv_explicit	254	[-0.22234087,-0.71752536,0.31512585,0.011292355]	-0.41899037	{4,20,25,34,47,50,53,55,102}
cv_explicit	255	[0.9026245,-0.6578049,-0.9148845,0.57474136]	0.27393138	{2,3,9,27,30,55,56,69,71,83,93,99,108,111,116,124}
cv_explicit	256	[0.7116864,-0.68730515,-0.90471166,0.56071496]	-0.806533	{13,19,28,44,55,82,88,90,116,134}
cv_explicit	257	[1.0269792,0.1457306,-0.10240365,-1.8075496]	0.58281976	{4,32,34,36,53,55,64,77}
cv_explicit	258	[-0.34825972,-0.2979337,0.04463496,-0.84351504]	-1.115793	{9,33,51,55,66,87,88,90,95,104,129,134}
cv_explicit	259	[-1.5347974,0.10154995,0.70114356,-2.5324404]	0.22215186	{4,15,20,35,36,48,52,54,55,62,112,130,134,138,143}
cv_explicit	260	[-0.5919668,-0.6501227,-0.16936897,0.76413214]	0.90299284	{37,42,54,91,150}
cv_explicit	261	[-0.452674,0.15300041,-1.240863,-1.0897985]	-0.039309543	{34,53,64,99,118,125,126,133}
cv_explicit	262	[-3.8465111,0.104139954,2.045844,-4.291192]	-2.196516	{31,36,43,48,76,140}
cv_explicit	263	[4.4234505,1.0675673,-1.1233592,1.6998374]	2.7971885	{22,34,35,53,55,57,64,73,87,97,105,114,125,126,134}
cv_explicit	264	[1.3170274,-0.12180134,-0.97523826,0.20320527]	-0.6747693	{19,55,59,60,128,138,145}
cv_explicit	265	[0.5477473,-0.03126639,0.11034684,-0.7604234]	-1.3862325	{24,36,55,97,134,135,145}
cv_explicit	266	[2.3619833,1.147509,-0.5331423,-0.45000085]	-0.24454947	{9,22,32,34,35,45,53,55,64,101,102,114,133}
cv_explicit	267	[-1.05856,-3.0256548,-4.7569156,2.0867631]	0.9358716	{4,8,15,35,43,48,52,55,56,59,62,67,70,71,97,105,128,143,145}
cv_explicit	268	[-0.8058569,-0.12030988,0.28391153,-0.5946162]	0.1825769	{11,12,16,37,55,87,90,104,142}
cv_explicit	269	[-0.5064335,0.69815135,0.36286858,-0.22632073]	-0.8762153	{2,9,38,108,111,116,134,143}
cv_explicit	270	[0.040322997,-1.7098657,0.19107404,1.1962576]	-0.7402562	{9,17,27,54,55,69,74,108,111,125,138}
cv_explicit	271	[-0.3561114,-0.6078312,-0.7716307,-1.6652497]	-0.17358837	{4,49,54,65,91,113}
cv_explicit	272	[-0.3164219,3.164906,-1.0723202,2.5650053]	0.8073426	{7,53,57,78,99,119,133}
cv_explicit	273	[1.3781023,-0.9977017,0.16448012,0.7690442]	-0.38257834	{9,17,55,81,111}
cv_explicit	274	[1.3016857,1.1428552,-0.7460434,2.136616]	0.56777203	{27,34,53,56,102,114,134}
cv_explicit	275	[0.678544,0.7518346,-3.050439,-0.63103837]	-1.0097604	{34,53,102,121,126,145}
cv_explicit	276	[0.12541449,0.10332997,-1.156441,-0.82331073]	-1.1196718	{19,30,31,34,35,36,40,47,50,53,55,78,82}
cv_explicit	277	[0.07158731,0.45857495,-0.40880647,-1.3193412]	0.56675225	{10,42,54,55,65,72,91,113,134,142}
cv_explicit	278	[1.2627923,-1.0054518,-2.8657608,-1.4055108]	0.8913324	{1,9,20,36,43,55,75,83,100,131,134,145}
cv_explicit	279	[-0.69015974,-0.9103061,-2.0844223,-0.5487449]	-0.3588389	{1,19,65,90,134}
cv_explicit	280	[0.94791245,0.11018348,-0.21842174,-0.34258667]	-1.427327	{3,9,24,36,55,59,97,127,131,141,145}
cv_explicit	281	[-0.05413493,0.5695809,-0.8958747,-1.2925553]	-0.6333936	{7,34,53,54,83,99,119,133}
cv_explicit	282	[-2.225046,-0.4647559,-1.4802903,-1.2322464]	0.15264425	{14,20,21,36,45,53,55,89,97,100,131,145}
cv_explicit	283	[0.4133311,-0.56749076,-0.070881255,0.26379353]	-0.2603378	{4,15,35,48,59,67}
cv_explicit	284	[0.23051007,-0.9409557,0.28577766,0.19702566]	-1.2506688	{31,34,36,45,55,65,80,89,97,104,124}
cv_explicit	285	[0.08110608,-0.2468653,-0.14996874,-0.61651415]	-1.1897638	{13,28,37,44,55,90,98,104,108,129}
cv_explicit	286	[-0.071186565,0.14479685,-1.7135259,0.99438894]	0.61592543	{3,14,20,36,54,55,77,80,86,96,117,130,131,135,145}
cv_explicit	287	[0.048113205,0.71448696,-0.51182944,1.5300912]	0.53060246	{19,54,77,91,93}
cv_explicit	288	[0.2582939,0.07460482,0.08739498,-0.8135442]	-1.01264	{9,18,20,36,55,75,80,145}
cv_explicit	289	[-1.3536519,0.54597265,0.08837635,-0.83014125]	-0.5413458	{5,7,20,34,45,53,55,78,83,101,119,125,126}
cv_explicit	290	[3.7114265,-1.6527513,1.7014474,2.4567707]	1.3842111	{9,17,19,27,55,81,92,120,126}
cv_explicit	291	[0.31678006,0.018052243,-0.26552573,-0.7123584]	-0.4999283	{7,9,27,53,55,76,87,99,105}
cv_explicit	292	[-1.0004219,-2.1472433,2.7363055,-1.6966355]	-0.5333849	{5,9,10,35,65,91,117,142,147}
cv_explicit	293	[0.19184951,-0.2227964,1.3966095,-0.2194522]	0.332826	{3,4,15,19,35,41,48,67,81,128,141}
cv_explicit	294	[1.5964134,-2.3143792,1.9143095,2.3993082]	-0.7334313	{1,17,19,20,27,36,55,90,109,134,144,148}
cv_explicit	295	[-1.0553354,0.010451702,1.2824295,-0.9055927]	-1.2168324	{7,25,34,42,53,55,64,78,99,119}
cv_explicit	296	[0.14353721,-0.29681292,0.7573241,-0.4705054]	-0.36822802	{4,8,15,35,48,53,55,59,62,67,103,128}
cv_explicit	297	[0.2629426,1.1930919,-0.6898651,-2.4815042]	0.84371847	{3,7,32,34,53,55,102,116,126}
cv_explicit	298	[0.21453282,2.1924014,-1.0564256,-2.228637]	0.3071419	{7,20,25,26,32,34,37,45,46,53,55,99,102,105,114,118,119,125,126,135}
cv_explicit	299	[0.12107044,0.76993334,0.92521846,-1.0527493]	-1.648006	{53,85,96,97,99,100,145}
cv_explicit	300	[0.54699576,-1.7364714,0.6013888,0.43807796]	-1.4214307	{1,23,36,65,80,90,129,134}
cv_popular	1	[1]	\N	{7,22,53,83,99,114,118,119,125,134}
cv_popular	2	[1]	\N	{6,9,12,19,36,44,55,87,90,95,104,108,129,132,134,140,148}
cv_popular	3	[1]	\N	{11,27,47,54,55,65,73,144}
cv_popular	4	[1]	\N	{4,29,37,55,90,110,129,136,149}
cv_popular	5	[1]	\N	{9,11,15,32,34,53,54,55,83,102,104,125}
cv_popular	6	[1]	\N	{13,31,36,40,43,44,45,52,54,55,60,71,75,77,79,83,86,97,122,131,135,137,140,145,146}
cv_popular	7	[1]	\N	{13,25,35,53,95,114,124,125,126,146}
cv_popular	8	[1]	\N	{20,31,36,39,55,86,145}
cv_popular	9	[1]	\N	{9,19,20,23,55,77,90,95,129,134,148}
cv_popular	10	[1]	\N	{36,55,99}
cv_popular	11	[1]	\N	{15,20,21,25,43,55,97,134,145}
cv_popular	12	[1]	\N	{3,14,20,36,39,53,55,75,92,131,135,145}
cv_popular	13	[1]	\N	{4,5,20,35,48,67,70,73,94,142}
cv_popular	14	[1]	\N	{38,74,124}
cv_popular	15	[1]	\N	{4,18,35,48,63,70}
cv_popular	16	[1]	\N	{16,39,53,54,55,65,66,72,91,134,140}
cv_popular	17	[1]	\N	{14,15,24,31,36,77,85,89,97,135,145}
cv_popular	18	[1]	\N	{7,10,34,47,50,53,64,78,99,102}
cv_popular	19	[1]	\N	{14,24,36,37,64,77,89,97,145}
cv_popular	20	[1]	\N	{4,9,15,18,23,35,41,48,55,59,69,70}
cv_popular	21	[1]	\N	{1,9,19,27,29,33,53,55,90,110,129,134,136,148,149}
cv_popular	22	[1]	\N	{4,15,48,55,60}
cv_popular	23	[1]	\N	{2,19,20,53,55,84,110,134,136}
cv_popular	24	[1]	\N	{15,35,40,48,54,61,138,147}
cv_popular	25	[1]	\N	{4,15,35,48,55,109,138}
cv_popular	26	[1]	\N	{19,23,29,50,55,88,90,97,110,134,136}
cv_popular	27	[1]	\N	{4,15,35,36,52,55,59,60}
cv_popular	28	[1]	\N	{4,8,9,15,32,35,48,55,59,62,91,136,138,149}
cv_popular	29	[1]	\N	{1,14,20,36,55,66,77,86,89,97,100,101,107,121,122,131,132,135,140,145,146}
cv_popular	30	[1]	\N	{19,37,55,90,132,134}
cv_popular	31	[1]	\N	{2,9,93,111,116,117}
cv_popular	32	[1]	\N	{16,19,23,55,67,77,90,106,109,121,129,134,149}
cv_popular	33	[1]	\N	{2,9,36,55,69,81,111,116,134}
cv_popular	34	[1]	\N	{11,14,24,25,31,36,39,53,75,97,113,127}
cv_popular	35	[1]	\N	{15,19,29,35,59,60,63,138,143}
cv_popular	36	[1]	\N	{2,9,55,81,93,116,119}
cv_popular	37	[1]	\N	{1,6,19,20,27,37,53,55,90,97,104,110,127,129,132,134,136,148}
cv_popular	38	[1]	\N	{6,13,37,44,53,90,104,129,134}
cv_popular	39	[1]	\N	{1,34,104,129,134}
cv_popular	40	[1]	\N	{1,3,4,33,90,96,132,134,148}
cv_popular	41	[1]	\N	{4,9,10,13,19,27,29,55,56,66,71,74,86,93,97,108,111,112,120,125,126}
cv_popular	42	[1]	\N	{4,15,55,77,97,121,138,145}
cv_popular	43	[1]	\N	{9,36,38,55,91,108,114}
cv_popular	44	[1]	\N	{1,19,46,53,55,76,82,90,95,134,148}
cv_popular	45	[1]	\N	{1,4,7,9,19,22,25,31,32,34,36,40,43,44,45,47,50,53,55,56,64,65,76,78,94,97,99,102,105,111,125,126,133,134,136,145}
cv_popular	46	[1]	\N	{7,9,22,34,53,55,59,99}
cv_popular	47	[1]	\N	{11,54,55,113}
cv_popular	48	[1]	\N	{9,23,27,38,55,69,74,77,81,92,120,124,134}
cv_popular	49	[1]	\N	{4,9,35,61,79,138}
cv_popular	50	[1]	\N	{4,35,41,55,67,70,138}
cv_popular	51	[1]	\N	{42,54,55,65,91}
cv_popular	52	[1]	\N	{4,18,20,35,46,55,67,70,86,90,94,122}
cv_popular	53	[1]	\N	{7,9,53,57,95,99,102,134}
cv_popular	54	[1]	\N	{7,22,53,55,57,91,99,101,145,148}
cv_popular	55	[1]	\N	{9,31,85,140,145,146}
cv_popular	56	[1]	\N	{3,21,24,36,53,55,77,82,85,89,97,126,130,134,140,145}
cv_popular	57	[1]	\N	{2,9,27,55,56,64,71,111}
cv_popular	58	[1]	\N	{4,10,19,33,53,71,90,121,134,148}
cv_popular	59	[1]	\N	{1,9,14,55,82,97,106,119,132,134,135}
cv_popular	60	[1]	\N	{20,31,36,49,81,89,90,97,119,126,127,131,133,134,140,145,146}
cv_popular	61	[1]	\N	{3,20,27,36,59,80,134,135,145}
cv_popular	62	[1]	\N	{4,15,31,55,62,63,65,128}
cv_popular	63	[1]	\N	{14,20,36,55,86,91,131,134,135,140,145}
cv_popular	64	[1]	\N	{15,25,32,34,36,40,53,55,64,68,86,105,125,144}
cv_popular	65	[1]	\N	{4,15,35,41,67,115}
cv_popular	66	[1]	\N	{3,20,36,53,55,80,86,110,131,135}
cv_popular	67	[1]	\N	{25,34,53,105,118,126,134,141}
cv_popular	68	[1]	\N	{20,36,45,55,81,97,100,130,145}
cv_popular	69	[1]	\N	{4,5,9,10,50,54,65}
cv_popular	70	[1]	\N	{3,14,20,24,36,45,55,75,97,99}
cv_popular	71	[1]	\N	{55,104,129,134}
cv_popular	72	[1]	\N	{9,10,11,16,30,40,42,49,53,54,55,65,66,67,91,105,111,122,142}
cv_popular	73	[1]	\N	{11,40,50,53}
cv_popular	74	[1]	\N	{2,17,19,50,55,81,116}
cv_popular	75	[1]	\N	{5,10,11,28,54,55,58,65,108,113,117,123,142,144}
cv_popular	76	[1]	\N	{2,4,9,15,27,36,42,55,58,67,71,74,81,93,108,111,112,120,134}
cv_popular	77	[1]	\N	{2,9,11,27,47,55,65,71,74,141}
cv_popular	78	[1]	\N	{14,19,55,90,132,134,147,148}
cv_popular	79	[1]	\N	{4,15,34,35,48,53,59,70,143,145}
cv_popular	80	[1]	\N	{2,9,27,36,38,53,55,56,61,64,74,91,97,111,112,116,121,134,141,142}
cv_popular	81	[1]	\N	{9,31,55,56,108}
cv_popular	82	[1]	\N	{4,9,15,35,52,55,60,103,134,143,145}
cv_popular	83	[1]	\N	{10,22,34,53,54,55,78,114,126,133}
cv_popular	84	[1]	\N	{2,9,47,53,55,87}
cv_popular	85	[1]	\N	{4,9,14,21,24,55,77,96,97,145}
cv_popular	86	[1]	\N	{34,47,50,53,55,145}
cv_popular	87	[1]	\N	{25,32,34,53,78,99,119,125}
cv_popular	88	[1]	\N	{2,9,27,39,71,74,108,111,124}
cv_popular	89	[1]	\N	{13,19,21,27,28,29,110,136}
cv_popular	90	[1]	\N	{20,21,27,36,55,77,108,135,137,145}
cv_popular	91	[1]	\N	{9,27,55,74,108,111,112,120,134,145}
cv_popular	92	[1]	\N	{7,34,55,125,142}
cv_popular	93	[1]	\N	{20,36,39,55,63,75,107,126,131,140,145}
cv_popular	94	[1]	\N	{32,34,36,47,53,55,114,125,133}
cv_popular	95	[1]	\N	{9,38,46,55,56,90,124,128,129,142}
cv_popular	96	[1]	\N	{83,88,90,126,145}
cv_popular	97	[1]	\N	{6,9,19,26,44,55,59,72,90,120,126,134}
cv_popular	98	[1]	\N	{13,24,36,77,85,89,134,137,145}
cv_popular	99	[1]	\N	{1,31,32,36,44,46,49,53,55,64,66,97,104,113,140,145,146}
cv_popular	100	[1]	\N	{30,54,55,58,85,86,91,150}
cv_popular	101	[1]	\N	{1,13,20,23,90,134,136,148}
cv_popular	102	[1]	\N	{4,15,29,35,48,53,55,59,61,122,138}
cv_popular	103	[1]	\N	{9,10,27,37,45,53,55,56,71,74,86,93,108,111,120,134,140,145}
cv_popular	104	[1]	\N	{24,39,55,97,137,145}
cv_popular	105	[1]	\N	{9,27,38,55,93,108,109,110}
cv_popular	106	[1]	\N	{10,11,48,54,65,91,107,117,142,144}
cv_popular	107	[1]	\N	{4,9,14,20,21,31,36,55,80,86,97,99,101,110,131,135,139,145}
cv_popular	108	[1]	\N	{9,15,34,35,45,55,57,59,60,83}
cv_popular	109	[1]	\N	{14,20,53,55,96,97,126,145}
cv_popular	110	[1]	\N	{25,34,53,55,64,97,99,105,143}
cv_popular	111	[1]	\N	{1,9,19,28,34,46,55,90,97,104,126,129,132,134,137}
cv_popular	112	[1]	\N	{55,84,134}
cv_popular	113	[1]	\N	{2,9,38,55,56}
cv_popular	114	[1]	\N	{2,9,27,36,53,55,67,116,143}
cv_popular	115	[1]	\N	{9,11,17,27,38,54,55,56,71,74,80,81,90,92,93,111,112,124,134,135,141}
cv_popular	116	[1]	\N	{4,15,20,35,48,62,94}
cv_popular	117	[1]	\N	{47,50,53,55,97,99,102,125,126}
cv_popular	118	[1]	\N	{9,10,49,54,55,65,91,95,107,112,142,147}
cv_popular	119	[1]	\N	{1,3,5,6,9,12,15,19,23,28,35,44,48,51,53,55,56,67,69,76,79,87,88,90,97,101,104,114,117,126,127,129,134,140,142,148}
cv_popular	120	[1]	\N	{4,15,35,48,55,70,73,133}
cv_popular	121	[1]	\N	{10,11,16,26,30,35,49,54,55,58,65,80,84,91,100,123,145,147,150}
cv_popular	122	[1]	\N	{1,10,11,17,26,27,42,54,55,56,65,91,95,121}
cv_popular	123	[1]	\N	{9,38,41,54,55,74,81,124}
cv_popular	124	[1]	\N	{1,4,15,19,25,35,46,70,73}
cv_popular	125	[1]	\N	{4,8,18,49,55,70,104,114}
cv_popular	126	[1]	\N	{6,13,19,23,28,55,73,90,104,129,132,135,136}
cv_popular	127	[1]	\N	{9,27,35,39,55,65,74,108,111,112}
cv_popular	128	[1]	\N	{16,37,49,54,55,65,66,84,91,99}
cv_popular	129	[1]	\N	{7,34,53,55,99,101,126,142}
cv_popular	130	[1]	\N	{5,10,14,20,24,27,31,36,43,48,55,83,86,90,96,137,140,146}
cv_popular	131	[1]	\N	{5,11,16,54,55,65,113}
cv_popular	132	[1]	\N	{41,54,55,113,134}
cv_popular	133	[1]	\N	{2,9,33,55,111,116,133,135}
cv_popular	134	[1]	\N	{2,9,17,27,35,55,69,74,111,112,120,134}
cv_popular	135	[1]	\N	{4,15,35,73,90,129,138}
cv_popular	136	[1]	\N	{28,37,45,67,89,90,132,134,136}
cv_popular	137	[1]	\N	{9,10,26,49,54,55,67,113,134,149}
cv_popular	138	[1]	\N	{3,4,10,11,16,26,33,44,54,58,59,97,104,113,145}
cv_popular	139	[1]	\N	{1,9,29,53,55,90,110,129,136}
cv_popular	140	[1]	\N	{7,22,53,55,78,113,119}
cv_popular	141	[1]	\N	{5,34,50,53,64,102,105,125,126,145}
cv_popular	142	[1]	\N	{4,9,20,31,35,36,39,54,56,63,75,77,80,86,96,125,129,130,131,135,139,145,146}
cv_popular	143	[1]	\N	{9,11,30,42,49,54,55,61,65,73,91,117,134,137}
cv_popular	144	[1]	\N	{4,44,55,60,87,104,106,129,134}
cv_popular	145	[1]	\N	{11,35,53,54,55,65,66,81,97,113}
cv_popular	146	[1]	\N	{9,12,17,27,55,56,69,71,74,76,98,108,112,141}
cv_popular	147	[1]	\N	{6,12,13,42,54,104,129,134}
cv_popular	148	[1]	\N	{23,55,82,90,112,121,129,134}
cv_popular	149	[1]	\N	{2,9,13,55,58,111,116,134}
cv_popular	150	[1]	\N	{4,8,9,10,15,19,27,35,46,48,52,54,55,59,60,67,70,79,103,109,115,128,138}
cv_popular	151	[1]	\N	{4,15,35,48,52,55,63,70,79,83,113,115,122,131}
cv_popular	152	[1]	\N	{9,42,54,55,65,107,113,147}
cv_popular	153	[1]	\N	{19,24,44,55,82,90,95,99,104,116,117,129,134,139,149}
cv_popular	154	[1]	\N	{4,8,9,18,35,36,46,53,55,63,67,70,73,79,81,84,90,94,99,101,111,115,122,126,129,134,138,143,150}
cv_popular	155	[1]	\N	{4,35,46,53,55,70,73,122,137,145}
cv_popular	156	[1]	\N	{2,9,55,69,116}
cv_popular	157	[1]	\N	{22,25,32,34,36,43,53,55,99,105,125,126}
cv_popular	158	[1]	\N	{1,4,8,9,10,14,15,16,18,19,20,24,31,32,35,39,41,45,46,47,48,49,51,52,53,54,55,56,58,61,62,63,67,69,70,71,72,73,79,89,90,91,94,97,102,103,104,106,113,115,117,118,122,124,127,128,132,133,134,135,138,142,143,145}
cv_popular	159	[1]	\N	{4,11,20,41,55,70,79,138}
cv_popular	160	[1]	\N	{6,16,35,43,52,55,90,111,129,134}
cv_popular	161	[1]	\N	{24,36,54,55,89,97,130,145,146}
cv_popular	162	[1]	\N	{11,30,54,55,66,91}
cv_popular	163	[1]	\N	{2,9,55,56,101,116,131}
cv_popular	164	[1]	\N	{16,24,26,54,55,65,91,138,150}
cv_popular	165	[1]	\N	{9,15,16,30,54,60,65,72,90,91}
cv_popular	166	[1]	\N	{55,111,116,128,141}
cv_popular	167	[1]	\N	{15,35,48,55,59,60,67,138}
cv_popular	168	[1]	\N	{9,38,48,55,82,96,116,124}
cv_popular	169	[1]	\N	{3,12,26,37,54,55,70,90,109,117,129}
cv_popular	170	[1]	\N	{9,54,55,65,74,91,107,113,117,142}
cv_popular	171	[1]	\N	{4,35,55}
cv_popular	172	[1]	\N	{7,9,16,99,114,118,119,133}
cv_popular	173	[1]	\N	{10,11,30,36,54,55,65,66,117,130,142,144}
cv_popular	174	[1]	\N	{9,55,64}
cv_popular	175	[1]	\N	{4,15,35,55,67,70}
cv_popular	176	[1]	\N	{10,15,24,31,35,55,97,130,140,145,146}
cv_popular	177	[1]	\N	{3,20,31,36,55,77,80,86,97,131,134,137,139,145,149}
cv_popular	178	[1]	\N	{19,27,28,90,129,134}
cv_popular	179	[1]	\N	{9,38,55,99,124}
cv_popular	180	[1]	\N	{3,9,20,34,36,39,145}
cv_popular	181	[1]	\N	{13,15,24,35,37,48,55,59,60,61,70,115,134,138,148}
cv_popular	182	[1]	\N	{4,15,35,45,52,59,77,138,143}
cv_popular	183	[1]	\N	{4,26,30,53,54,55,65,91,125,135}
cv_popular	184	[1]	\N	{4,15,35,41,46,48,55,63,70}
cv_popular	185	[1]	\N	{4,9,15,19,20,35,48,55,58,59,60,97,99,138}
cv_popular	186	[1]	\N	{1,28,44,110,114,136}
cv_popular	187	[1]	\N	{7,34,47,53,55,57,78,83,101,119,145}
cv_popular	188	[1]	\N	{12,17,19,28,44,54,55,90,104,129,134}
cv_popular	189	[1]	\N	{3,4,20,24,27,35,36,45,53,55,77,95,97,104,145}
cv_popular	190	[1]	\N	{7,32,53,55,99,105,126,145}
cv_popular	191	[1]	\N	{9,21,36,73,97,130,140,145}
cv_popular	192	[1]	\N	{4,14,15,22,35,48,60,70,108}
cv_popular	193	[1]	\N	{3,4,5,18,19,35,44,45,46,49,54,55,56,60,62,63,65,67,71,77,91,95,99,128,134,137,143}
cv_popular	194	[1]	\N	{4,7,8,15,35,52,53,59,60,70}
cv_popular	195	[1]	\N	{36,75,79,80,139,145,146}
cv_popular	196	[1]	\N	{4,13,14,18,20,36,39,75,77,80,100,131,134,145}
cv_popular	197	[1]	\N	{19,28,76,87,90,142}
cv_popular	198	[1]	\N	{4,38,53,55,99,124}
cv_popular	199	[1]	\N	{34,53,126}
cv_popular	200	[1]	\N	{3,4,14,20,21,27,36,54,55,70,86,109,126,140}
cv_popular	201	[1]	\N	{7,25,34,50,78,99,119}
cv_popular	202	[1]	\N	{7,34,35,39,55,78,90,99,119,125,133}
cv_popular	203	[1]	\N	{4,35,48,55,63,70,88}
cv_popular	204	[1]	\N	{4,15,35,62,67,79,99,128}
cv_popular	205	[1]	\N	{16,19,26,36,54,55,65,66,72,150}
cv_popular	206	[1]	\N	{19,34,36,53,55,97,102,114}
cv_popular	207	[1]	\N	{21,24,36,55,67,89,97,145}
cv_popular	208	[1]	\N	{4,12,15,35,48,55,60,61,103,124,143}
cv_popular	209	[1]	\N	{1,7,53,63,99,101,119}
cv_popular	210	[1]	\N	{3,20,36,55,63,77,86,137,146}
cv_popular	211	[1]	\N	{1,6,27,34,54,90,95,106,124,134,148}
cv_popular	212	[1]	\N	{4,8,9,15,18,35,41,46,48,55,67,69,70,115,126,134}
cv_popular	213	[1]	\N	{31,34,36,43,55,82,126,137,140,145}
cv_popular	214	[1]	\N	{10,54,55,66,91,131,142}
cv_popular	215	[1]	\N	{15,53,54,65,91,107,145,150}
cv_popular	216	[1]	\N	{9,12,13,19,26,37,44,51,55,75,87,90,98,104,129,132,134}
cv_popular	217	[1]	\N	{9,11,27,54,55,71}
cv_popular	218	[1]	\N	{7,8,32,34,53,55,64,105,118,119,125}
cv_popular	219	[1]	\N	{15,35,55,60,62,81}
cv_popular	220	[1]	\N	{9,14,20,21,24,36,45,53,55,77,88,89,96,97,99,130,131,135,137,140,145}
cv_popular	221	[1]	\N	{9,34,47,53,55,77,78}
cv_popular	222	[1]	\N	{8,35,55,62,86,128,150}
cv_popular	223	[1]	\N	{55,86,97,99,145}
cv_popular	224	[1]	\N	{3,8,9,14,20,21,24,34,36,47,55,77,80,85,89,90,91,97,100,116,120,130,135,145}
cv_popular	225	[1]	\N	{9,29,55,90,98,110,136,149}
cv_popular	226	[1]	\N	{7,10,54,55,58,65,100,134,142,147}
cv_popular	227	[1]	\N	{3,7,20,36,45,53,55,80,115,131,135,137,145}
cv_popular	228	[1]	\N	{1,2,4,9,27,48,55,76,83,107,111,116,138,142,149}
cv_popular	229	[1]	\N	{14,20,36,39,70,77,86,96,127,131,140,145}
cv_popular	230	[1]	\N	{34,50,53,55,91,125,133}
cv_popular	231	[1]	\N	{2,4,9,35,55,64,116,134}
cv_popular	232	[1]	\N	{1,4,9,12,13,14,19,22,23,28,37,45,53,54,55,62,64,65,82,88,90,95,99,109,110,113,115,126,129,132,134,136,142,143,146,148,149}
cv_popular	233	[1]	\N	{3,25,32,34,47,53,102,125}
cv_popular	234	[1]	\N	{2,55,111,115,116,120}
cv_popular	235	[1]	\N	{10,16,35,53,54,55,65,129,142,145}
cv_popular	236	[1]	\N	{53,55,91,105,109,134}
cv_popular	237	[1]	\N	{36,39,54,85,123,125,131,137,145}
cv_popular	238	[1]	\N	{12,20,24,36,55,75,80,131,135,145}
cv_popular	239	[1]	\N	{22,25,32,34,53,55,75,90,99,118,119,137,145}
cv_popular	240	[1]	\N	{1,9,44,74,88,90,126,134}
cv_popular	241	[1]	\N	{9,17,38,55,71,111,116,120,141}
cv_popular	242	[1]	\N	{4,18,41,55,59,67,70,94,134,136}
cv_popular	243	[1]	\N	{1,9,19,21,28,37,53,55,65,73,90,95,109,129,132,134,148}
cv_popular	244	[1]	\N	{19,27,28,55,66,82,90,129,134}
cv_popular	245	[1]	\N	{25,31,34,51,53,55,64,112,114,118,126}
cv_popular	246	[1]	\N	{7,9,15,22,53,55,74,78,97,99,101,126,131}
cv_popular	247	[1]	\N	{11,16,19,30,35,54,55,65,66,91,125,134,137,141,147,150}
cv_popular	248	[1]	\N	{25,34,44,53,64,99,105,118}
cv_popular	249	[1]	\N	{4,9,13,33,37,44,51,55,95,106,117,134}
cv_popular	250	[1]	\N	{55,82,88,90,109,132,134}
cv_popular	251	[1]	\N	{20,21,36,39,40,86,130,131,135,145}
cv_popular	252	[1]	\N	{36,53,145}
cv_popular	253	[1]	\N	{9,20,36,75,89,135,142,145}
cv_popular	254	[1]	\N	{4,20,25,34,47,50,53,55,102}
cv_popular	255	[1]	\N	{2,3,9,27,30,55,56,69,71,83,93,99,108,111,116,124}
cv_popular	256	[1]	\N	{13,19,28,44,55,82,88,90,116,134}
cv_popular	257	[1]	\N	{4,32,34,36,53,55,64,77}
cv_popular	258	[1]	\N	{9,33,51,55,66,87,88,90,95,104,129,134}
cv_popular	259	[1]	\N	{4,15,20,35,36,48,52,54,55,62,112,130,134,138,143}
cv_popular	260	[1]	\N	{37,42,54,91,150}
cv_popular	261	[1]	\N	{34,53,64,99,118,125,126,133}
cv_popular	262	[1]	\N	{31,36,43,48,76,140}
cv_popular	263	[1]	\N	{22,34,35,53,55,57,64,73,87,97,105,114,125,126,134}
cv_popular	264	[1]	\N	{19,55,59,60,128,138,145}
cv_popular	265	[1]	\N	{24,36,55,97,134,135,145}
cv_popular	266	[1]	\N	{9,22,32,34,35,45,53,55,64,101,102,114,133}
cv_popular	267	[1]	\N	{4,8,15,35,43,48,52,55,56,59,62,67,70,71,97,105,128,143,145}
cv_popular	268	[1]	\N	{11,12,16,37,55,87,90,104,142}
cv_popular	269	[1]	\N	{2,9,38,108,111,116,134,143}
cv_popular	270	[1]	\N	{9,17,27,54,55,69,74,108,111,125,138}
cv_popular	271	[1]	\N	{4,49,54,65,91,113}
cv_popular	272	[1]	\N	{7,53,57,78,99,119,133}
cv_popular	273	[1]	\N	{9,17,55,81,111}
cv_popular	274	[1]	\N	{27,34,53,56,102,114,134}
cv_popular	275	[1]	\N	{34,53,102,121,126,145}
cv_popular	276	[1]	\N	{19,30,31,34,35,36,40,47,50,53,55,78,82}
cv_popular	277	[1]	\N	{10,42,54,55,65,72,91,113,134,142}
cv_popular	278	[1]	\N	{1,9,20,36,43,55,75,83,100,131,134,145}
cv_popular	279	[1]	\N	{1,19,65,90,134}
cv_popular	280	[1]	\N	{3,9,24,36,55,59,97,127,131,141,145}
cv_popular	281	[1]	\N	{7,34,53,54,83,99,119,133}
cv_popular	282	[1]	\N	{14,20,21,36,45,53,55,89,97,100,131,145}
cv_popular	283	[1]	\N	{4,15,35,48,59,67}
cv_popular	284	[1]	\N	{31,34,36,45,55,65,80,89,97,104,124}
cv_popular	285	[1]	\N	{13,28,37,44,55,90,98,104,108,129}
cv_popular	286	[1]	\N	{3,14,20,36,54,55,77,80,86,96,117,130,131,135,145}
cv_popular	287	[1]	\N	{19,54,77,91,93}
cv_popular	288	[1]	\N	{9,18,20,36,55,75,80,145}
cv_popular	289	[1]	\N	{5,7,20,34,45,53,55,78,83,101,119,125,126}
cv_popular	290	[1]	\N	{9,17,19,27,55,81,92,120,126}
cv_popular	291	[1]	\N	{7,9,27,53,55,76,87,99,105}
cv_popular	292	[1]	\N	{5,9,10,35,65,91,117,142,147}
cv_popular	293	[1]	\N	{3,4,15,19,35,41,48,67,81,128,141}
cv_popular	294	[1]	\N	{1,17,19,20,27,36,55,90,109,134,144,148}
cv_popular	295	[1]	\N	{7,25,34,42,53,55,64,78,99,119}
cv_popular	296	[1]	\N	{4,8,15,35,48,53,55,59,62,67,103,128}
cv_popular	297	[1]	\N	{3,7,32,34,53,55,102,116,126}
cv_popular	298	[1]	\N	{7,20,25,26,32,34,37,45,46,53,55,99,102,105,114,118,119,125,126,135}
cv_popular	299	[1]	\N	{53,85,96,97,99,100,145}
cv_popular	300	[1]	\N	{1,23,36,65,80,90,129,134}
\.


--
-- Name: model_version_seq; Type: SEQUENCE SET; Schema: recfair; Owner: -
--

SELECT pg_catalog.setval('recfair.model_version_seq', 3, true);


--
-- Name: cv_items cv_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cv_items
    ADD CONSTRAINT cv_items_pkey PRIMARY KEY (item_id);


--
-- PostgreSQL database dump complete
--

\unrestrict yI3TwuTntyRxxZ1G3EeOSeaEftkIQBZVYYnphlhvtAYv7wR7L8wPj2OpKXtK9Kt

