package dev.tether.load.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;

/**
 * Netty 4.1's WebSocket: {@link WebSocketServerProtocolHandler} (handshake, ping, close) on the NIO
 * transport with its default event loops, then an echo that writes each data frame back as it is, or a
 * broadcast to a {@link ChannelGroup}. The path chooses: {@code /broadcast}, anything else echoes.
 *
 * <p>Written the way Netty's own examples and user guide write a server: {@code write} in
 * {@code channelRead} and one {@code flush} in {@code channelReadComplete}, so that all the frames decoded
 * from one socket read go back in one write system call. (A {@code writeAndFlush} per frame, as this class
 * did first, costs a system call per 64-byte message and measured a fifth or less of the throughput.)
 * Still the NIO transport and the default group size: the native epoll transport is an opt-in
 * platform-specific dependency and {@code FlushConsolidationHandler} an opt-in tuning for handlers that
 * cannot defer their flushes; neither is what a plain Netty server has.
 */
public final class NettyServer {

    static final int MAX_MESSAGE = 20 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        ChannelGroup room = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_MESSAGE).build())
                .build();
        Channel listener = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(config), new Frames(room));
                    }
                })
                .bind("127.0.0.1", ServerControl.port(args)).sync().channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        ServerControl.serve(port, () -> {
            listener.close().syncUninterruptibly();
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        });
    }

    /** After the handshake: echo, or broadcast on {@code /broadcast}. */
    static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final ChannelGroup room;
        private boolean broadcast;

        Frames(ChannelGroup room) {
            super(false); // the frame is passed on to a write, which releases it
            this.room = room;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                broadcast = ((WebSocketServerProtocolHandler.HandshakeComplete) event).requestUri().startsWith("/broadcast");
                if (broadcast) room.add(ctx.channel());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (broadcast) {
                room.write(frame); // each member gets a retained duplicate; flushed below
            } else {
                ctx.write(frame);
            }
        }

        /** The end of one socket read: what its frames wrote goes out now, together. */
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (broadcast) {
                room.flush();
            } else {
                ctx.flush();
            }
            ctx.fireChannelReadComplete();
        }
    }
}
