/* Times CFITSIO's Rice decoder (fits_rdecomp_short, exported by Debian's libcfitsio10) on a
   4096x4096 int16 sky frame (level 1000 + gradient + Gaussian noise sigma 30), one tile per row
   as fpack tiles by default: the same frame statistics as TileCodecBenchmarks. Best of 7.
   Build and run:  gcc -O2 -o /tmp/cfitsio_rice bench/peers/cfitsio_rice_decode.c \
                       /usr/lib/x86_64-linux-gnu/libcfitsio.so.10 -lm && /tmp/cfitsio_rice */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
int fits_rcomp_short(short a[], int nx, unsigned char *c, int clen, int nblock);
int fits_rdecomp_short(unsigned char *c, int clen, unsigned short array[], int nx, int nblock);
#define N 4096
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(void){
  short *frame=malloc(sizeof(short)*N*N); unsigned short *out=malloc(2*N*N);
  unsigned char **tiles=malloc(sizeof(void*)*N); int *len=malloc(sizeof(int)*N);
  srand(42);
  for(int y=0;y<N;y++)for(int x=0;x<N;x++){double u1=(rand()+1.0)/(RAND_MAX+2.0),u2=rand()/(RAND_MAX+1.0);
    frame[y*N+x]=(short)lround(1000+0.01*x+0.02*y+30*sqrt(-2*log(u1))*cos(2*M_PI*u2));}
  long total=0;
  for(int y=0;y<N;y++){tiles[y]=malloc(3*N+64);len[y]=fits_rcomp_short(frame+y*N,N,tiles[y],3*N+64,32);total+=len[y];}
  double best=1e9;
  for(int r=0;r<7;r++){double t0=now();for(int y=0;y<N;y++)fits_rdecomp_short(tiles[y],len[y],out+y*N,N,32);double t=now()-t0;if(t<best)best=t;}
  for(long i=0;i<(long)N*N;i++) if((short)out[i]!=frame[i]){printf("mismatch\n");return 1;}
  printf("{\"tool\": \"cfitsio fits_rdecomp_short\", \"compressed_bytes\": %ld, \"best_seconds\": %.4f, \"mb_per_s\": %.1f}\n",total,best,2.0*N*N/1e6/best);
  return 0;}
